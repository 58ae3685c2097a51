/**
 * Value helpers shared by the rule operations and the condition checks: what counts as blank, and when two
 * field values are the same value (so re-sending a stored value is not a change).
 */

/** What a person leaves behind when entering nothing: undefined, null, empty or whitespace-only text, an empty list. */
export function isBlankValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/**
 * Whether two field values are the same value: blanks are alike, instants compare by time
 * (`…T10:00:00Z` = `…T10:00:00.000Z`), lists compare as sets (multi-select, linked ids), and a compound value
 * equals another when the parts both carry agree (a currency written without its code keeps the stored code).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const blankA = isBlankValue(a);
  const blankB = isBlankValue(b);
  if (blankA || blankB) return blankA && blankB;
  if (typeof a === 'string' && typeof b === 'string') {
    if (INSTANT.test(a) && INSTANT.test(b)) {
      const ta = Date.parse(a);
      return !Number.isNaN(ta) && ta === Date.parse(b);
    }
    return false;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const key = (v: unknown) => JSON.stringify(v) ?? 'undefined';
    const left = a.map(key).sort();
    const right = b.map(key).sort();
    return left.every((v, i) => v === right[i]);
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const x = a[key];
      const y = b[key];
      if (x === undefined || y === undefined) continue;
      if (!sameValue(x, y)) return false;
    }
    return true;
  }
  return false;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`record.company.name`), or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (!isPlainObject(current) && !Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
