/**
 * `explainAccess(doc, subject, entity)`: why the subject may (or may not) read, create, update, delete and
 * transfer records of one entity, and which fields its roles hide or make read-only — one item per role and
 * operation, with a sentence such as "via role Sales rep: read where Owner is me". Update and delete items give
 * the effective scope (ANDed with the role's read scope), as `resolveAccess` enforces it.
 */
import { ADMIN_ROLE, type EntityDefinition, type JsonLogicObject, type MetadataDocument } from '@trellis/metadata';
import { getEntity } from '../entity.js';
import { formatFieldLabel } from '../field-label.js';
import { describeCondition } from '../rules/describe-condition.js';
import type { AccessExplanation, AccessSubject } from './access-types.js';
import { subjectRoles } from './resolve-access.js';
import { roleScopes, type Scope } from './role-scopes.js';

export const ADMIN_ROLE_LABEL = 'Administrator';

type ScopedOperation = 'read' | 'update' | 'delete';

const VERBS: Record<ScopedOperation, string> = { read: 'read', update: 'update', delete: 'delete' };

function scopeItem(role: string, roleLabel: string, operation: ScopedOperation, scope: Scope, entity: EntityDefinition, labelOf: (f: string) => string): AccessExplanation {
  const via = `via role ${roleLabel}:`;
  if (scope === false) return { role, roleLabel, operation, scope: 'none', text: `${via} cannot ${VERBS[operation]} ${entity.pluralLabel.toLowerCase()}` };
  if (scope === true) return { role, roleLabel, operation, scope: 'all', text: `${via} ${VERBS[operation]} every record` };
  const condition: JsonLogicObject = scope;
  return { role, roleLabel, operation, scope: 'condition', condition, text: `${via} ${VERBS[operation]} where ${describeCondition(condition, labelOf, { userAsReader: true })}` };
}

function adminItems(): AccessExplanation[] {
  const item = (operation: AccessExplanation['operation'], what: string): AccessExplanation => ({
    role: ADMIN_ROLE,
    roleLabel: ADMIN_ROLE_LABEL,
    operation,
    scope: 'all',
    text: `via role ${ADMIN_ROLE_LABEL} (built in): ${what}`,
  });
  return [
    item('read', 'read every record'),
    item('create', 'create records'),
    item('update', 'update every record'),
    item('delete', 'delete every record'),
    item('transfer', 'hand records over to other owners'),
  ];
}

/** The reasons behind the subject's access to `entityName`, role by role (admin first). Throws on an unknown entity. */
export function explainAccess(doc: MetadataDocument, subject: AccessSubject, entityName: string): AccessExplanation[] {
  const entity = getEntity(doc, entityName);
  const labelOf = (field: string) => formatFieldLabel(field, Object.hasOwn(entity.fields, field) ? entity.fields[field] : undefined);
  const items: AccessExplanation[] = subject.roles.includes(ADMIN_ROLE) ? adminItems() : [];
  for (const [role, def] of subjectRoles(doc, subject)) {
    const roleLabel = typeof def.label === 'string' && def.label !== '' ? def.label : role;
    const via = `via role ${roleLabel}:`;
    const permission = def.entities?.[entityName];
    const scopes = roleScopes(permission);
    items.push(scopeItem(role, roleLabel, 'read', scopes.read, entity, labelOf));
    items.push({ role, roleLabel, operation: 'create', scope: scopes.create ? 'all' : 'none', text: `${via} ${scopes.create ? 'create' : 'cannot create'} ${entity.pluralLabel.toLowerCase()}` });
    items.push(scopeItem(role, roleLabel, 'update', scopes.update, entity, labelOf));
    items.push(scopeItem(role, roleLabel, 'delete', scopes.delete, entity, labelOf));
    if (scopes.transfer) items.push({ role, roleLabel, operation: 'transfer', scope: 'all', text: `${via} may hand records over to other owners` });
    for (const [field, level] of Object.entries(permission?.fields ?? {})) {
      if (level !== 'hidden' && level !== 'readOnly') continue;
      const text = `${via} ${labelOf(field)} is ${level === 'hidden' ? 'hidden' : 'read-only'}`;
      items.push({ role, roleLabel, operation: 'field', field, level, scope: 'all', text });
    }
  }
  return items;
}
