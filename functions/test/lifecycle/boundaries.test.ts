/** Issue 9 point 11: strict boundaries, as pure functions and schemas. */
import type { z } from 'zod';
import * as api from '../../src/domain/api';
import * as orgApi from '../../src/domain/org/api';
import { parseActionInput } from '../../src/domain/lifecycle/decide';
import { TICKET_ACTIONS } from '../../src/domain/lifecycle/machine';
import { DocId, forbiddenKeyErrors, isChinesePhone } from '../../src/domain/validation';

test('every callable input schema refuses unknown fields, naming them', () => {
  const schemas = Object.entries({ ...api, ...orgApi })
    .filter(([name, v]) => name.endsWith('Input') && name !== 'TransitionTicketInput' && typeof (v as z.ZodType).safeParse === 'function') as Array<[string, z.ZodType]>;
  expect(schemas.length).toBeGreaterThanOrEqual(12);
  for (const [name, schema] of schemas) {
    // A discriminated union (e.g. AdminSaveConfigInput) is probed once per branch, with its tag.
    const union = schema as unknown as { def?: { discriminator?: string }; options?: Array<{ shape: Record<string, { value?: unknown }> }> };
    const tag = union.def?.discriminator;
    const probes = tag && union.options
      ? union.options.map((o) => ({ [tag]: o.shape[tag]!.value, surpriseField: 1 }))
      : [{ surpriseField: 1 }];
    for (const probe of probes) {
      const r = schema.safeParse(probe);
      expect([name, r.success]).toEqual([name, false]);
      expect([name, JSON.stringify(r.error?.issues)]).toEqual([name, expect.stringContaining('surpriseField')]);
    }
  }
  // transitionTicket: the envelope is open, every action's own schema is strict
  for (const action of TICKET_ACTIONS) {
    const r = parseActionInput(action, { surpriseField: 1 });
    expect([action, r.ok]).toEqual([action, false]);
  }
});

test('prototype keys are found at any depth, also when a decoder turned __proto__ into a prototype', () => {
  expect(forbiddenKeyErrors(JSON.parse('{"a": {"b": [{"__proto__": 1}]}, "constructor": 2}'))).toEqual({
    'a.b.0.__proto__': 'forbidden key "__proto__"', constructor: 'forbidden key "constructor"',
  });
  const disguised: Record<string, unknown> = {};
  Object.setPrototypeOf(disguised, { role: 'admin' });
  expect(Object.keys(forbiddenKeyErrors({ reporter: disguised }))).toEqual(['reporter.__proto__']);
  expect(forbiddenKeyErrors({ a: [1, 'x', null], b: { c: true } })).toEqual({});
  expect(forbiddenKeyErrors(Object.create(null))).toEqual({});
});

test('ids are ids', () => {
  for (const ok of ['t-1', 'HX_1', 'abcDEF123', '中文也行']) expect([ok, DocId.safeParse(ok).success]).toEqual([ok, true]);
  for (const bad of ['', '   ', 'a/b', '/', '.', '..', '__x__', 'x'.repeat(129)]) expect([bad, DocId.safeParse(bad).success]).toEqual([bad, false]);
});

test('Chinese mobile and landline numbers', () => {
  for (const ok of ['13912345678', '+8613912345678', '+86 13912345678', '010-12345678', '0571 87654321', '021-1234567', '0755-12345678-123', '400-123-4567', '8001234567']) {
    expect([ok, isChinesePhone(ok)]).toEqual([ok, true]);
  }
  for (const bad of ['12345', '12912345678', '1391234567', '139123456789', 'call me', '10-12345678', '+1 415 555 0100']) {
    expect([bad, isChinesePhone(bad)]).toEqual([bad, false]);
  }
});

test('dates typed by people are bounded to sane years', () => {
  expect(parseActionInput('callback', { outcome: 'unreachable', nextTryAt: '20255-01-01T00:00:00Z' }).ok).toBe(false);
  expect(parseActionInput('callback', { outcome: 'unreachable', nextTryAt: '1970-01-01T00:00:00Z' }).ok).toBe(false);
  expect(parseActionInput('callback', { outcome: 'unreachable', nextTryAt: '2025-11-18T02:00:00Z' }).ok).toBe(true);
  expect(orgApi.ListAuditLogInput.safeParse({ before: '1900-01-01T00:00:00Z' }).success).toBe(false);
});
