import { findFieldType, getFieldType, SYSTEM_FIELDS, type MetadataDocument, type SortSpec } from '@trellis/metadata';
import { displayFieldOf, getEntity } from './entity.js';
import { formatFieldLabel } from './field-label.js';

export interface ListColumn {
  field: string;
  label: string;
  /** Field type name (`dateTime` / `text` for system fields). */
  fieldType: string;
  /** Registry widget that displays the value. */
  widget: string;
  /** Whether the list can be ordered by this column (registry `sortable`; for system fields id/createdAt/updatedAt). */
  sortable: boolean;
  /** Relation target entity, for relation columns. */
  target?: string;
  /** Whether this is a system column (id, createdAt, updatedAt, createdBy, updatedBy). */
  system?: true;
}

export interface ListView {
  columns: ListColumn[];
  /** Default order: the layout's sort, else the display field ascending (when sortable), else newest first. */
  sort: SortSpec[];
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 25;
/** Default columns when the entity has no list layout: the display field and the next fields, this many in all. */
export const DEFAULT_COLUMN_COUNT = 6;

const SYSTEM_COLUMNS: Record<string, Omit<ListColumn, 'field' | 'label'>> = {
  id: { fieldType: 'text', widget: 'text', sortable: true, system: true },
  createdAt: { fieldType: 'dateTime', widget: 'dateTime', sortable: true, system: true },
  updatedAt: { fieldType: 'dateTime', widget: 'dateTime', sortable: true, system: true },
  createdBy: { fieldType: 'text', widget: 'text', sortable: false, system: true },
  updatedBy: { fieldType: 'text', widget: 'text', sortable: false, system: true },
  // A user id and a team id: the studio shows the user's / team's name.
  owner: { fieldType: 'text', widget: 'text', sortable: true, system: true },
  team: { fieldType: 'text', widget: 'text', sortable: true, system: true },
};

/**
 * The columns and default order of an entity's list view, from its list layout. Without one: the display
 * field, then the following fields stored on the entity's own table (not toMany relations).
 */
export function toListColumns(doc: MetadataDocument, entityName: string): ListView {
  const entity = getEntity(doc, entityName);
  const layout = entity.layouts?.list;
  const names = layout && layout.columns.length > 0 ? layout.columns : defaultColumns(doc, entityName);
  const columns = [...new Set(names)].flatMap((name) => {
    const column = describeColumn(doc, entityName, name);
    return column ? [column] : [];
  });
  return { columns, sort: layout?.sort ?? defaultSort(doc, entityName), pageSize: layout?.pageSize ?? DEFAULT_PAGE_SIZE };
}

function describeColumn(doc: MetadataDocument, entityName: string, name: string): ListColumn | undefined {
  const field = getEntity(doc, entityName).fields[name];
  if (!field) {
    const system = SYSTEM_COLUMNS[name];
    return system && (SYSTEM_FIELDS as readonly string[]).includes(name) ? { field: name, label: formatFieldLabel(name), ...system } : undefined;
  }
  const type = findFieldType(field.type);
  return {
    field: name,
    label: formatFieldLabel(name, field),
    fieldType: field.type,
    widget: type?.widget ?? 'text',
    sortable: type?.sortable ?? false,
    ...(field.target ? { target: field.target } : {}),
  };
}

function defaultColumns(doc: MetadataDocument, entityName: string): string[] {
  const entity = getEntity(doc, entityName);
  const display = displayFieldOf(entity);
  const stored = Object.keys(entity.fields).filter(
    (name) => name !== display && getFieldType(entity.fields[name]!.type).columns(entity.fields[name]!).length > 0,
  );
  return [...(display ? [display] : []), ...stored].slice(0, DEFAULT_COLUMN_COUNT);
}

function defaultSort(doc: MetadataDocument, entityName: string): SortSpec[] {
  const entity = getEntity(doc, entityName);
  const display = displayFieldOf(entity);
  const field = display ? entity.fields[display] : undefined;
  if (display && field && findFieldType(field.type)?.sortable) return [{ field: display, direction: 'asc' }];
  return [{ field: 'createdAt', direction: 'desc' }];
}
