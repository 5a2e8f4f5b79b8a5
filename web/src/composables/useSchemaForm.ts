/**
 * The save path every form shares: check the input with the server's own zod schema, send it,
 * and put the server's refusal where it belongs (field errors next to their fields, anything else
 * above the buttons). `submit` resolves true when the server accepted the input.
 */
import { ref } from 'vue';
import type { z } from 'zod';
import { describeError, fieldErrors } from '../utils/errors';
import { localizeFields, schemaErrors } from '../utils/zodForm';

export function useSchemaForm<S extends z.ZodType>(schema: S, send: (input: z.input<S>) => Promise<unknown>) {
  const errors = ref<Record<string, string>>({});
  const formError = ref<string | null>(null);
  const busy = ref(false);

  function reset(): void {
    errors.value = {};
    formError.value = null;
  }

  async function submit(input: z.input<S>): Promise<boolean> {
    reset();
    errors.value = schemaErrors(schema, input);
    if (Object.keys(errors.value).length > 0) return false;
    busy.value = true;
    try {
      await send(input);
      return true;
    } catch (err) {
      const fe = fieldErrors(err);
      if (fe) errors.value = localizeFields(fe);
      else formError.value = describeError(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { errors, formError, busy, reset, submit };
}
