/** Whether any workflow of the document reacts to records of an entity (the record page then shows its runs). */
import type { MetadataDocument } from '@trellis/metadata';

export function entityHasWorkflows(doc: MetadataDocument, entityName: string): boolean {
  return Object.values(doc.workflows ?? {}).some((w) => 'entity' in w.trigger && w.trigger.entity === entityName);
}
