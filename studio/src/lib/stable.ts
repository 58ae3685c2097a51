/** JSON with object keys sorted, so equal documents compare equal whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

export const deepEqual = (a: unknown, b: unknown): boolean => stableStringify(a) === stableStringify(b);
