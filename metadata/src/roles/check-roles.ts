/**
 * Semantic check of `document.roles`: role names, the entities and fields they name (with how to fix a
 * reference left by a rename or removal), grants that can never apply (update, delete, transfer or field levels
 * without read), `id` never hidden, and roles that may create records but hide a field every record needs.
 * Record scopes that are conditions are checked with every other expression (check-expressions.ts).
 */
import { SYSTEM_FIELDS } from '../naming.js';
import { entitiesOf, isRecord, pointer, type DocumentCheck, type Report } from '../problems.js';
import { checkComponentName } from '../rules/check-rules.js';
import { DanglingMessages } from '../rules/dangling.js';
import { didYouMean } from '../rules/suggest.js';
import { ADMIN_ROLE, type EntityDefinition, type MetadataDocument } from '../types.js';
import { findFieldType } from '../field-types/registry.js';

const grants = (scope: unknown): boolean => scope === true || isRecord(scope);

/** "Role Sales rep (salesRep)" */
const roleName = (role: string, def: Record<string, unknown>): string =>
  typeof def.label === 'string' && def.label.trim() !== '' ? `Role ${def.label} (${role})` : `Role ${role}`;

function unknownEntityMessage(doc: MetadataDocument, who: string, role: string, entity: string): string {
  const renamed = Object.entries(entitiesOf(doc)).find(([, def]) => def.renamedFrom === entity)?.[0];
  if (renamed !== undefined) {
    return `${who} gives permissions on entity ${entity}, which was renamed to ${renamed} (renamedFrom) — move them to "${renamed}": renameEntityInRoles(doc, "${entity}", "${renamed}") does it, as the studio does when you rename an entity.`;
  }
  const hint = didYouMean(entity, Object.keys(entitiesOf(doc)));
  return `${who} gives permissions on entity "${entity}", which does not exist${hint} — remove roles.${role}.entities.${entity} (withoutReferencesTo(doc, "${entity}") does it, as the studio does when you remove an entity), or add the entity.`;
}

/** Update, delete, transfer and field levels mean nothing without a read scope (and field levels without create). */
function checkGrantsWithoutRead(report: Report, base: string[], who: string, entity: EntityDefinition, p: Record<string, unknown>): void {
  if (grants(p.read)) return;
  const records = entity.pluralLabel.toLowerCase();
  const why = `but no read scope, so it applies to no record (a role cannot change what it cannot see) — add a read scope, or remove it`;
  if (grants(p.update)) report(pointer(...base, 'update'), 'grant-without-read', `${who} may update ${records} ${why}.`);
  if (grants(p.delete)) report(pointer(...base, 'delete'), 'grant-without-read', `${who} may delete ${records} ${why}.`);
  if (p.transfer === true) report(pointer(...base, 'transfer'), 'grant-without-read', `${who} may transfer ${records} ${why}.`);
  if (p.create !== true && isRecord(p.fields) && Object.keys(p.fields).length > 0) {
    report(pointer(...base, 'fields'), 'grant-without-read', `${who} sets field access on ${records} but can neither read nor create them, so it applies to nothing — add a read scope or create, or remove the field access.`);
  }
}

/** Whether a record can be created without a value for this field (it has a default, or is not written by people). */
function creatableWithout(entity: EntityDefinition, field: string): boolean {
  const def = entity.fields[field];
  if (!isRecord(def) || def.required !== true || def.defaultValue !== undefined) return true;
  const type = findFieldType(String(def.type));
  try {
    return type === undefined || type.jsonSchema(def).readOnly === true;
  } catch {
    return true;
  }
}

function checkFieldLevels(report: Report, dangling: DanglingMessages, base: string[], who: string, entityName: string, entity: EntityDefinition, p: Record<string, unknown>): void {
  if (!isRecord(p.fields)) return;
  for (const [field, level] of Object.entries(p.fields)) {
    const path = pointer(...base, 'fields', field);
    const known = Object.hasOwn(entity.fields, field) || (SYSTEM_FIELDS as readonly string[]).includes(field);
    if (!known) {
      report(path, 'unknown-field', dangling.message(entityName, field));
    } else if (field === 'id' && level === 'hidden') {
      report(path, 'id-hidden', `${who} hides field id of ${entityName}; the id cannot be hidden (records are identified and linked by it) — remove it from "fields" or make it "readOnly".`);
    } else if (p.create === true && (level === 'hidden' || level === 'readOnly') && !creatableWithout(entity, field)) {
      const label = String((entity.fields[field] as { label?: unknown }).label ?? field);
      report(
        path,
        'create-impossible',
        `${who} may create ${entity.pluralLabel.toLowerCase()} but makes the required field ${label} (${field}) ${level === 'hidden' ? 'hidden' : 'read-only'}, and it has no default value, so the role could never create one — leave ${field} editable for this role, give the field a default value, or remove create.`,
      );
    }
  }
}

export const checkRoles: DocumentCheck = (doc, report) => {
  if (!isRecord(doc.roles)) return;
  const dangling = new DanglingMessages(doc);
  const entities = entitiesOf(doc);
  for (const [role, def] of Object.entries(doc.roles)) {
    const base = ['roles', role];
    checkComponentName(report, pointer(...base), 'Role', role);
    if (role === ADMIN_ROLE) {
      report(pointer(...base), 'reserved-role-name', `Role name "${ADMIN_ROLE}" is reserved for the built-in role that may do everything; choose another name (e.g. "${ADMIN_ROLE}Assistant").`);
    }
    if (!isRecord(def)) continue;
    const who = roleName(role, def);
    if (typeof def.label === 'string' && def.label.trim() === '') {
      report(pointer(...base, 'label'), 'missing-label', `Role ${role} has an empty label; give it the name people see, e.g. "Sales rep".`);
    }
    if (!isRecord(def.entities)) continue;
    for (const [entityName, permission] of Object.entries(def.entities)) {
      const entityBase = [...base, 'entities', entityName];
      const entity = Object.hasOwn(entities, entityName) ? entities[entityName] : undefined;
      if (!entity) {
        report(pointer(...entityBase), 'unknown-entity', unknownEntityMessage(doc, who, role, entityName));
        continue;
      }
      if (!isRecord(permission)) continue;
      checkGrantsWithoutRead(report, entityBase, who, entity, permission);
      checkFieldLevels(report, dangling, entityBase, who, entityName, entity, permission);
    }
  }
};
