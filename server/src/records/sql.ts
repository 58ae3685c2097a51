/**
 * Small SQL text helpers shared by the record compilers. Identifiers are always quoted here;
 * values never enter SQL text (they go through `SqlParams`).
 */

/** `"my""name"`: a Postgres quoted identifier. */
export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** `'it''s'`: a Postgres string literal, only ever used for JSON keys and fixed format strings. */
export function quoteLiteral(text: string): string {
  return "'" + text.replace(/'/g, "''") + "'";
}

/** Collects parameter values and hands out their `$n` placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(initial: unknown[] = []) {
    this.values.push(...initial);
  }

  add(value: unknown): string {
    this.values.push(value);
    return '$' + this.values.length;
  }
}

/** Hands out table aliases `t0`, `t1`, … unique within one statement. */
export class AliasSource {
  private next = 0;
  take(prefix = 't'): string {
    return prefix + this.next++;
  }
}

/** A compiled statement, ready for `pool.query(text, values)`. */
export interface CompiledSql {
  text: string;
  values: unknown[];
}

/**
 * `json_build_object` takes at most 100 arguments (50 pairs); wider objects are built in jsonb chunks.
 */
export function jsonObject(pairs: ReadonlyArray<readonly [string, string]>): string {
  if (pairs.length === 0) return "'{}'::json";
  const parts = pairs.map(([key, expr]) => `${quoteLiteral(key)}, ${expr}`);
  if (parts.length <= 50) return `json_build_object(${parts.join(', ')})`;
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += 50) chunks.push(`jsonb_build_object(${parts.slice(i, i + 50).join(', ')})`);
  return `(${chunks.join(' || ')})::json`;
}
