/**
 * The one way the browser talks to the server: typed callables (Firebase JS SDK). The Functions
 * instance is handed over once at boot (main.ts), so API modules stay plain functions.
 */
import { httpsCallable, type Functions } from 'firebase/functions';

let functions: Functions | null = null;
let onError: (err: unknown) => void = () => undefined;

/** `errorHook` sees every failed call first (main.ts: a session that ended sends the user to sign-in, once). */
export function setFunctions(f: Functions, errorHook: (err: unknown) => void): void {
  functions = f;
  onError = errorHook;
}

/** A typed callable; each API module declares its own with the contract's request/response types. */
export function callable<I, O>(name: string): (input: I) => Promise<O> {
  return async (input: I) => {
    if (!functions) throw new Error(`callable ${name} used before boot`);
    try {
      return (await httpsCallable<I, O>(functions, name)(input)).data;
    } catch (err) {
      onError(err);
      throw err;
    }
  };
}
