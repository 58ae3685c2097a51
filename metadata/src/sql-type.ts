/**
 * The one place that compares SQL types: the registry writes them the short way (`timestamptz`, `char(3)`),
 * Postgres's `format_type(atttypid, atttypmod)` the long way (`timestamp with time zone`, `character(3)`).
 * Both normalise to Postgres's spelling, so a type read from the catalog can be matched to a field's columns.
 */

/** Short or alternative names → the name `format_type` prints. */
const ALIASES: Readonly<Record<string, string>> = {
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  timetz: 'time with time zone',
  time: 'time without time zone',
  int: 'integer',
  int4: 'integer',
  int2: 'smallint',
  int8: 'bigint',
  bool: 'boolean',
  decimal: 'numeric',
  char: 'character',
  bpchar: 'character',
  varchar: 'character varying',
  float4: 'real',
  float8: 'double precision',
  double: 'double precision',
};

/**
 * `timestamptz` → `timestamp with time zone`, `char(3)` → `character(3)`, `NUMERIC(18, 2)` → `numeric(18,2)`,
 * `int4[]` → `integer[]`. Constraints after the type (`uuid PRIMARY KEY …`) are not part of a type: pass the bare type.
 */
export function normalizeSqlType(type: string): string {
  const compact = type.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ ?([(),]) ?/g, '$1');
  const match = /^([a-z_][a-z0-9_ ]*?)(\([0-9,]+\))?((?:\[\])*)$/.exec(compact);
  if (!match) return compact;
  const [, base, modifier = '', array = ''] = match;
  let name = ALIASES[base!] ?? base!;
  // `timestamp(3) with time zone`: Postgres puts the precision after `timestamp` / `time`.
  if (modifier && /^(timestamp|time) with(out)? time zone$/.test(name)) return name.replace(/^(timestamp|time)/, `$1${modifier}`) + array;
  if (name === 'character' && !modifier) name = 'character(1)';
  return name + modifier + array;
}

/** Whether two SQL types are the same type, however each is spelled. */
export const sameSqlType = (a: string, b: string): boolean => normalizeSqlType(a) === normalizeSqlType(b);
