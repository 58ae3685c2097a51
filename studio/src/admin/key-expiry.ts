/** The expiry choices of a new API key, turned into the ISO time the server stores. */
export type ExpiryChoice = 'never' | '30' | '90' | '365' | 'date';

export const EXPIRY_CHOICES: { value: ExpiryChoice; label: string }[] = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In one year' },
  { value: 'date', label: 'On a date…' },
];

/** The expiry as ISO (end of the chosen day, UTC, for a date), null for never, or an error text. */
export function expiryToIso(choice: ExpiryChoice, date: string, now = Date.now()): { iso: string | null } | { error: string } {
  if (choice === 'never') return { iso: null };
  if (choice === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { error: 'Pick the day the key stops working.' };
    const at = Date.parse(`${date}T23:59:59.000Z`);
    if (Number.isNaN(at)) return { error: 'Pick the day the key stops working.' };
    if (at <= now) return { error: 'The expiry date must be in the future.' };
    return { iso: new Date(at).toISOString() };
  }
  return { iso: new Date(now + Number(choice) * 86_400_000).toISOString() };
}

/** "Active", "Expired", "Revoked" for the key list. */
export function keyState(key: { revokedAt: string | null; expiresAt: string | null }, now = Date.now()): 'active' | 'expired' | 'revoked' {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}
