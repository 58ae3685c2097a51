/** Phrases for step descriptions ("Updated deal “Acme renewal”: stage = \"won\""), as people read them. */
import type { MetadataDocument } from '@trellis/metadata';
import { displayFieldOf, formatValue } from '@trellis/runtime';

/** `deal “Acme renewal”`, or `deal 5f0c…` when the record has no display value. */
export function recordPhrase(document: MetadataDocument, entity: string, values: Record<string, unknown> | null | undefined): string {
  const def = document.entities[entity];
  const noun = (def?.label ?? entity).toLowerCase();
  const field = def ? displayFieldOf(def) : undefined;
  const shown = field && values ? formatValue(values[field]) : '';
  if (shown !== '') return `${noun} “${shown.length > 60 ? `${shown.slice(0, 59)}…` : shown}”`;
  const id = values?.['id'];
  return typeof id === 'string' ? `${noun} ${id.slice(0, 8)}…` : noun;
}

/** `3 deals` / `1 deal` with the entity's labels. */
export function countPhrase(document: MetadataDocument, entity: string, count: number): string {
  const def = document.entities[entity];
  const label = count === 1 ? (def?.label ?? entity) : (def?.pluralLabel ?? `${def?.label ?? entity}s`);
  return `${count} ${label.toLowerCase()}`;
}

/** `26 Nov 2026, 09:00 UTC` in the given time zone. */
export function formatInstant(date: Date, timeZone = 'UTC'): string {
  let zone = timeZone;
  let text: string;
  try {
    text = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(date);
  } catch {
    zone = 'UTC';
    text = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(date);
  }
  return `${text} ${zone}`;
}
