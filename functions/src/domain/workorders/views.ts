/** What callables return: documents with instants as ISO strings (JSON-safe). No Firebase. */
export type Wire<T> = T extends Date ? string
  : T extends ReadonlyArray<infer U> ? Wire<U>[]
  : T extends object ? { [K in keyof T]: Wire<T[K]> }
  : T;

/** Dates → ISO strings, deeply. */
export function toWire<T>(value: T): Wire<T> {
  const walk = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as Wire<T>;
}
