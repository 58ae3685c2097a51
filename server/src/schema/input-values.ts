/** GraphQL argument values → plain record values for the record service. */

/** Placeholder field of create/update inputs of an entity without writable fields (GraphQL forbids empty inputs). */
export const EMPTY_INPUT_FIELD = '_';

/** GraphQL input objects → plain record values (drops the empty-input placeholder). */
export function inputValues(data: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(data)) if (key !== EMPTY_INPUT_FIELD) values[key] = plain(data[key]);
  return values;
}

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      // defineProperty: a JSON value's own "__proto__" key stays a key instead of setting the prototype.
      Object.defineProperty(out, key, { value: plain((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
