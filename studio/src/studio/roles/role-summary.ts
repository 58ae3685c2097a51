/** Short words for a role's grants, for the roles list and the permission matrix ("Owner is me", "All records"). */
import type { MetadataDocument, RecordScope, RoleDefinition } from '@trellis/metadata';
import { describeCondition, formatFieldLabel } from '@trellis/runtime';
import { grantedEntities, scopeKind } from './role-edits.js';

/** "All records", "No records" or the condition in words, read by the user it applies to ("Owner is me"). */
export function scopeText(doc: MetadataDocument, entity: string, scope: RecordScope | undefined): string {
  const kind = scopeKind(scope);
  if (kind === 'all') return 'All records';
  if (kind === 'none') return 'No records';
  const fields = doc.entities[entity]?.fields ?? {};
  const labelOf = (field: string) => formatFieldLabel(field, Object.hasOwn(fields, field) ? fields[field] : undefined);
  try {
    return describeCondition(scope, labelOf, { userAsReader: true });
  } catch {
    return 'A condition';
  }
}

/** "Manage metadata, manage users" or "—". */
export function capabilitiesText(role: RoleDefinition): string {
  const parts = [role.manageMetadata ? 'Manage metadata' : '', role.manageUsers ? 'Manage users' : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : '—';
}

/** "2 entities" — counting only entities of the document. */
export function entitiesText(doc: MetadataDocument, role: RoleDefinition): string {
  const n = grantedEntities(role).filter((e) => doc.entities[e]).length;
  return n === 0 ? 'None' : `${n} ${n === 1 ? 'entity' : 'entities'}`;
}
