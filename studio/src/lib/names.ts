/** Suggestions of metadata names from labels, as the "New entity" and "Add field" dialogs type them. */

/** `Support ticket` → `supportTicket`; strips accents and anything that is not a letter or digit. */
export function camelName(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const joined = words
    .map((w, i) => {
      if (i > 0) return w.charAt(0).toUpperCase() + w.slice(1);
      return w === w.toUpperCase() ? w.toLowerCase() : w.charAt(0).toLowerCase() + w.slice(1);
    })
    .join('');
  return joined.replace(/^[0-9]+/, '').slice(0, 40);
}

/** English plural of a word or phrase (last word): company → companies, address → addresses, person → people. */
export function pluralize(text: string): string {
  if (!text) return text;
  const irregular: Record<string, string> = { person: 'people', child: 'children', man: 'men', woman: 'women' };
  const match = /([A-Za-z]+)$/.exec(text);
  if (!match) return text + 's';
  const word = match[1];
  const head = text.slice(0, text.length - word.length);
  const lower = word.toLowerCase();
  const keepCase = (plural: string) => (word[0] === word[0].toUpperCase() ? plural[0].toUpperCase() + plural.slice(1) : plural);
  if (irregular[lower]) return head + keepCase(irregular[lower]);
  if (/[^aeiou]y$/i.test(word)) return head + word.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(word)) return head + word + 'es';
  return head + word + 's';
}

/** `closeDate` → `Close date` (a label for a name typed first). */
export function labelFromName(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A name not yet taken: `name`, `name2`, `name3`… */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let i = 2; ; i++) if (!set.has(`${base}${i}`)) return `${base}${i}`;
}
