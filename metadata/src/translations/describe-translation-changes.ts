/** The plan preview's sentence for a change of one locale's translations (metadata only, no SQL). */
import { isRecord } from '../problems.js';

export function describeTranslationChanges(locale: string, from: unknown, to: unknown): string {
  const a = isRecord(from) ? from : {};
  const b = isRecord(to) ? to : {};
  const added = Object.keys(b).filter((p) => !Object.hasOwn(a, p)).length;
  const removed = Object.keys(a).filter((p) => !Object.hasOwn(b, p)).length;
  const changed = Object.keys(b).filter((p) => Object.hasOwn(a, p) && a[p] !== b[p]).length;
  const parts = [
    added ? `${added} added` : '',
    changed ? `${changed} changed` : '',
    removed ? `${removed} removed` : '',
  ].filter(Boolean);
  return `Change the ${locale} translations of labels: ${parts.join(', ') || 'reordered'} (metadata only)`;
}
