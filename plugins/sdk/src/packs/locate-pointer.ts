/**
 * Best-effort line of a JSON pointer in a JSON text: follows the object keys of the pointer in order (array indexes
 * are skipped), returning the line of the deepest key found. Good enough to send an editor to the right place.
 */
export function lineOfPointer(text: string, pointer: string): number | undefined {
  let offset = -1;
  let found = -1;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) continue;
    const match = new RegExp(`${escape(JSON.stringify(key))}\\s*:`, 'g');
    match.lastIndex = Math.max(offset, 0);
    const m = match.exec(text);
    if (!m) break;
    offset = found = m.index;
  }
  return found < 0 ? undefined : text.slice(0, found).split('\n').length;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
