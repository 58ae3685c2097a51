/**
 * Messages for references to fields that do not exist: they list every other use of the same missing field, so
 * whoever removed (or renamed) it sees at once what still depends on it, and how to fix it.
 */
import { isRecord } from '../problems.js';
import type { MetadataDocument } from '../types.js';
import { collectReferenceSites, listReferences, referencesTo, type ReferenceSite } from './references.js';
import { didYouMean } from './suggest.js';

/** Ends a message with a period (messages of the analyzer are sentences without one). */
export const sentence = (message: string): string => (/[.?!]$/.test(message) ? message : `${message}.`);

/** The field of `entity` whose `renamedFrom` is `old`, if any. */
function renamedTo(doc: MetadataDocument, entity: string, old: string): string | undefined {
  const fields = doc.entities[entity]?.fields;
  if (!isRecord(fields)) return undefined;
  return Object.entries(fields).find(([name, f]) => name !== old && isRecord(f) && f.renamedFrom === old)?.[0];
}

/** Builds unknown-field messages for one document; collects the document's references once, when first needed. */
export class DanglingMessages {
  private sites: ReferenceSite[] | undefined;
  constructor(private readonly doc: MetadataDocument) {}

  /** "Field closeDate of opportunity does not exist but is used by rule a (invalidWhen), view b (filter) — …". */
  message(entity: string, field: string): string {
    this.sites ??= collectReferenceSites(this.doc);
    const uses = referencesTo(this.sites, entity, field);
    const list = uses.length ? listReferences(uses) : 'this reference';
    const to = renamedTo(this.doc, entity, field);
    if (to !== undefined) {
      return (
        `Field ${field} of ${entity} was renamed to ${to} (renamedFrom) but is still used by ${list} — ` +
        `rewrite those references to the new name: rewriteReferences(doc, "${entity}", "${field}", "${to}") does it, as the studio does when you rename a field.`
      );
    }
    const fields = Object.keys(this.doc.entities[entity]?.fields ?? {});
    const roles = uses.some((u) => u.kind === 'role') ? ` (withoutReferencesTo(doc, "${entity}", "${field}") removes what roles say about it, as the studio does when you remove a field)` : '';
    return `Field ${field} of ${entity} does not exist but is used by ${list} — remove or change those first${roles}, or add the field${didYouMean(field, fields)}`.replace(/([^?])$/, '$1.');
  }
}
