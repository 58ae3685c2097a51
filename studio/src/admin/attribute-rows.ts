/**
 * A user's attributes (free key/values rules read as `user.attributes.<key>`) as editable rows. Values are
 * typed as JSON when they read as JSON (42, true, ["a"]), else kept as text, so "EMEA" needs no quotes.
 */

export interface AttributeRow {
  key: string;
  value: string;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function attributesToRows(attributes: Record<string, unknown> | null | undefined): AttributeRow[] {
  return Object.entries(attributes ?? {}).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

export function parseAttributeValue(text: string): unknown {
  const trimmed = text.trim();
  if (/^(-?\d+(\.\d+)?|true|false|null|\[.*\]|\{.*\})$/s.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return text;
    }
  }
  return text;
}

/** The attributes of the rows (blank rows skipped), or a problem per row index. */
export function rowsToAttributes(rows: AttributeRow[]): { attributes: Record<string, unknown>; problems: Record<number, string> } {
  const attributes: Record<string, unknown> = {};
  const problems: Record<number, string> = {};
  rows.forEach((row, i) => {
    const key = row.key.trim();
    if (!key && !row.value.trim()) return;
    if (!key) problems[i] = 'Give this value a key.';
    else if (!KEY.test(key)) problems[i] = 'A key is letters, digits and _ (not starting with a digit), e.g. region.';
    else if (key in attributes) problems[i] = `The key “${key}” is used twice.`;
    else attributes[key] = parseAttributeValue(row.value);
  });
  return { attributes, problems };
}
