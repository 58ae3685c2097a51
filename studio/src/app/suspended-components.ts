/**
 * The components a missing plugin suspended (MetadataVersion.suspended), in words for the studio's banner and
 * the data pages' notice: "Field “Location” of Site" rather than a JSON pointer. Pure.
 */
import { segmentsOf, valueAt, type MetadataDocument, type SuspendedComponent } from '@trellis/metadata';
import { parseProblemPath } from '../studio/problem-paths.js';

const quoted = (text: string) => `“${text}”`;

/** What the component is, named as the studio names it: `Rule “inEurope” of Site`, `List column “Location” of Site`. */
export function describeSuspended(path: string, stored: MetadataDocument): string {
  const [top, name = '', collection, member, ...rest] = segmentsOf(path);
  if (top === 'entities') {
    const entity = stored.entities[name];
    const of = `of ${entity?.label ?? name}`;
    const fieldLabel = (field: unknown) => {
      const fieldName = typeof field === 'string' ? field : isFieldItem(field) ? field.field : undefined;
      return fieldName === undefined ? undefined : entity?.fields[fieldName]?.label ?? fieldName;
    };
    if (collection === undefined) return `Entity ${quoted(entity?.label ?? name)}`;
    if (collection === 'fields' && member !== undefined) return `Field ${quoted(entity?.fields[member]?.label ?? member)} ${of}`;
    if (collection === 'rules' && member !== undefined) return `Rule ${quoted(member)} ${of}`;
    if (collection === 'views' && member !== undefined) return `View ${quoted(entity?.views?.[member]?.label ?? member)} ${of}`;
    if (collection === 'layouts' && member !== undefined) {
      const item = valueAt(stored, path);
      const kind = rest.includes('columns') ? 'List column' : rest.includes('sort') ? 'List sort by' : rest[0] === 'conditions' ? 'Form conditions of' : member === 'form' ? 'Form field' : `Layout ${quoted(member)}`;
      const label = rest[0] === 'conditions' ? fieldLabel(rest[1]) : fieldLabel(item);
      return label === undefined ? `${kind} ${of}` : `${kind} ${quoted(label)} ${of}`;
    }
    return `Part of ${entity?.label ?? name} (${path})`;
  }
  if (top === 'workflows') return `Workflow ${quoted(stored.workflows?.[name]?.label ?? name)}`;
  if (top === 'roles') {
    const role = `Role ${quoted(stored.roles?.[name]?.label ?? name)}`;
    if (collection !== 'entities' || member === undefined) return role;
    const entity = stored.entities[member];
    const field = rest[0] === 'fields' && rest[1] !== undefined ? entity?.fields[rest[1]]?.label ?? rest[1] : undefined;
    return field !== undefined ? `${role}: its access to ${quoted(field)} of ${entity?.label ?? member}` : `${role}: its access to ${entity?.pluralLabel ?? member}`;
  }
  if (top === 'translations') return collection === undefined ? `Translations (${name})` : `Translation (${name}) of ${collection}`;
  return path || 'The whole document';
}

/**
 * The suspended components of `entity` an end user knows: its fields, rules (checks on save), saved views, or the
 * entity itself. Form fields and list columns are left out: they go with their field.
 */
export function suspendedOfEntity(suspended: SuspendedComponent[], entity: string): SuspendedComponent[] {
  return suspended.filter((component) => {
    const location = parseProblemPath(component.path);
    return location.entity === entity && (location.field !== undefined || location.rest.length === 0 || location.rest[0] === 'rules' || location.rest[0] === 'views');
  });
}

function isFieldItem(value: unknown): value is { field: string } {
  return typeof value === 'object' && value !== null && typeof (value as { field?: unknown }).field === 'string';
}
