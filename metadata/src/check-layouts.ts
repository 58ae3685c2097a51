/** Semantic check: layouts and displayField reference existing, suitable fields. */
import { findFieldType } from './field-types/registry.js';
import { REFERENCE_SYSTEM_FIELDS, SORTABLE_SYSTEM_FIELDS, SYSTEM_FIELDS } from './naming.js';
import { entityEntries, isRecord, pointer, type DocumentCheck, type Report } from './problems.js';
import type { EntityDefinition } from './types.js';

const isSystemField = (name: string): boolean => (SYSTEM_FIELDS as readonly string[]).includes(name);
/** The system fields a form may show: the writable ones (owner and team); the others are set by the server. */
const isFormSystemField = (name: string): boolean => (REFERENCE_SYSTEM_FIELDS as readonly string[]).includes(name);

/** Checks one list of field names: each must exist (system fields only where allowed), none twice. */
function checkFieldList(
  report: Report,
  entity: string,
  def: EntityDefinition,
  base: (string | number)[],
  names: unknown,
  what: string,
  seen: Set<string>,
  allowedSystemField: (name: string) => boolean,
): void {
  if (!Array.isArray(names)) return;
  names.forEach((name, i) => {
    if (typeof name !== 'string') return;
    const path = pointer(...base, i);
    const known = def.fields[name] !== undefined || allowedSystemField(name);
    if (!known) {
      report(path, 'unknown-layout-field', `${what} of entity ${entity} lists "${name}", which is not a field of ${entity}; remove it or add the field.`);
    } else if (seen.has(name)) {
      report(path, 'duplicate-layout-field', `${what} of entity ${entity} lists "${name}" more than once; keep one.`);
    }
    seen.add(name);
  });
}

function checkForm(report: Report, entity: string, def: EntityDefinition): void {
  const sections = def.layouts?.form?.sections;
  if (!Array.isArray(sections)) return;
  const seen = new Set<string>();
  sections.forEach((section, i) => {
    if (!isRecord(section)) return;
    const base = ['entities', entity, 'layouts', 'form', 'sections', i, 'fields'];
    checkFieldList(report, entity, def, base, section.fields, 'The form', seen, isFormSystemField);
  });
}

function checkList(report: Report, entity: string, def: EntityDefinition): void {
  const list = def.layouts?.list;
  if (!isRecord(list)) return;
  checkFieldList(report, entity, def, ['entities', entity, 'layouts', 'list', 'columns'], list.columns, 'The list', new Set(), isSystemField);
  if (!Array.isArray(list.sort)) return;
  const seen = new Set<string>();
  list.sort.forEach((spec, i) => {
    const name = isRecord(spec) ? spec.field : undefined;
    if (typeof name !== 'string') return;
    const path = pointer('entities', entity, 'layouts', 'list', 'sort', i, 'field');
    const field = def.fields[name];
    if (seen.has(name)) {
      report(path, 'duplicate-layout-field', `The list sort of entity ${entity} sorts by "${name}" more than once; keep one.`);
    } else if (SORTABLE_SYSTEM_FIELDS.includes(name)) {
      // always sortable
    } else if (!isRecord(field)) {
      report(path, 'unknown-layout-field', `The list of entity ${entity} sorts by "${name}", which is not a field of ${entity}.`);
    } else if (findFieldType(String(field.type))?.sortable === false) {
      report(path, 'not-sortable', `The list of entity ${entity} sorts by "${name}", a ${field.type} field, which cannot be sorted; sort by another field.`);
    }
    seen.add(name);
  });
}

function checkDisplayField(report: Report, entity: string, def: EntityDefinition): void {
  const name = def.displayField;
  if (typeof name !== 'string') return;
  const path = pointer('entities', entity, 'displayField');
  const field = def.fields[name];
  if (!isRecord(field)) {
    report(path, 'unknown-display-field', `displayField "${name}" of entity ${entity} is not one of its fields; name a text field of ${entity}.`);
    return;
  }
  const type = findFieldType(String(field.type));
  if (type && type.graphql(field).output !== 'String') {
    report(path, 'invalid-display-field', `displayField "${name}" of entity ${entity} is a ${field.type} field; choose a text-like field (text, email, phone, url, select).`);
  }
}

export const checkLayouts: DocumentCheck = (doc, report) => {
  for (const [entity, def] of entityEntries(doc)) {
    checkForm(report, entity, def);
    checkList(report, entity, def);
    checkDisplayField(report, entity, def);
  }
};
