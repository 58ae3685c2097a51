/**
 * The Trellis metadata document: everything a customer configures, one JSON document per workspace.
 * Identity is by name, in maps keyed by name (never arrays), so diffs and 3-way merges are per property.
 * Names are camelCase identifiers; SQL and GraphQL names are derived from them in `naming.ts`.
 */
import type { WorkflowDefinition } from './workflows/types.js';

export interface MetadataDocument {
  /** Optional pointer to the published JSON Schema, for editor completion in pack files. */
  $schema?: string;
  entities: Record<string, EntityDefinition>;
  /** Workflows by name (camelCase): trigger + condition + steps (workflows/types.ts). */
  workflows?: Record<string, WorkflowDefinition>;
  /** Roles by name (camelCase; `admin` is built in and reserved): what their users may see and do. */
  roles?: Record<string, RoleDefinition>;
  /**
   * Labels in other languages: locale (BCP 47, e.g. `de`, `pt-BR`) → { JSON pointer of a label, pluralLabel or
   * description → text }, e.g. `{ "de": { "/entities/case/label": "Fall" } }`. Options by value:
   * `/entities/case/fields/priority/options/high/label`. Metadata only; the runtime's translateDocument applies them.
   */
  translations?: Record<string, Record<string, string>>;
}

/** The built-in role: full access to every entity, field and record, and both studio capabilities. Not in the document. */
export const ADMIN_ROLE = 'admin';

/**
 * Which records a role's grant covers: `true` every record, `false` (or absent) none, an object a JSON Logic
 * predicate over `{ record, user }` (e.g. `{"==": [{"var": "record.owner"}, {"var": "user.id"}]}`).
 */
export type RecordScope = boolean | JsonLogicObject;

/** A JSON Logic expression object (one operator key), e.g. `{"==": [a, b]}`. */
export type JsonLogicObject = Record<string, unknown>;

/** How a role sees one field: `hidden` (never returned), `readOnly` (returned, not writable); absent = editable. */
export type FieldAccessLevel = 'hidden' | 'readOnly';

/** What a role may do with the records of one entity. */
export interface EntityPermission {
  read?: RecordScope;
  create?: boolean;
  /** Effective scope = read ∧ update (you cannot update what you cannot see). */
  update?: RecordScope;
  /** Effective scope = read ∧ delete. */
  delete?: RecordScope;
  /** A write may leave the record outside this role's read scope (hand it to another owner). Default false. */
  transfer?: boolean;
  fields?: Record<string, FieldAccessLevel>;
}

export interface RoleDefinition {
  label: string;
  description?: string;
  /** Studio capability: edit and publish metadata (entities, fields, rules, roles…). */
  manageMetadata?: boolean;
  /** Studio capability: manage users, teams, role assignments, API keys; read the security log. */
  manageUsers?: boolean;
  /** Entities not listed: no access at all (deny by default, like Salesforce). */
  entities?: Record<string, EntityPermission>;
}

/**
 * A JSON Logic expression (jsonlogic.com) evaluated by `runtime/` over the rule context
 * `{ record, previous, user, now }`. Kept as plain JSON so it diffs and merges like any other property.
 */
export type JsonLogic = unknown;

export interface EntityDefinition {
  label: string;
  pluralLabel: string;
  /** camelCase plural, used for the list root field (`opportunities`). */
  plural: string;
  description?: string;
  /** Previous name of this entity; the plan renames its table instead of dropping and creating. */
  renamedFrom?: string;
  /** Field shown when a record of this entity is referenced (relation pickers, list cells). Defaults to the first text field. */
  displayField?: string;
  fields: Record<string, FieldDefinition>;
  layouts?: EntityLayouts;
  /** Validation rules keyed by name (like Salesforce validation rules, without a cap). */
  rules?: Record<string, ValidationRule>;
  /** Saved list views keyed by name: a filter (JSON Logic over `record`), columns and sort. */
  views?: Record<string, ListViewDefinition>;
}

export interface ValidationRule {
  label?: string;
  description?: string;
  /** The record is refused when this is truthy. A rule that fails to evaluate refuses the write too. */
  invalidWhen: JsonLogic;
  /** Shown to the user; `{{record.name}}` or `{{previous.stage}}` interpolate values. */
  message: string;
  /** Fields the message is shown next to; none = shown for the whole record. */
  fields?: string[];
  /** Inactive rules are kept but not evaluated (default true). */
  active?: boolean;
}

/** Per-field conditions of a form layout; JSON Logic over the rule context of the record being edited. */
export interface FieldConditions {
  /** Hidden fields are not shown and not required; their stored value is kept. */
  visibleWhen?: JsonLogic;
  /** Required while this is truthy (and the field is visible), in the form and in the API. */
  requiredWhen?: JsonLogic;
  /** Not editable while this is truthy, in the form and in the API. */
  readOnlyWhen?: JsonLogic;
}

export interface ListViewDefinition {
  label: string;
  /** JSON Logic predicate over `record` (and `user`, `now`), compiled to SQL. */
  filter?: JsonLogic;
  columns?: string[];
  sort?: SortSpec[];
}

/** The built-in field types. Plugins may register more through the field-type registry. */
export type BuiltInFieldType =
  | 'text'
  | 'longText'
  | 'integer'
  | 'decimal'
  | 'currency'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'dateTime'
  | 'select'
  | 'multiSelect'
  | 'email'
  | 'phone'
  | 'url'
  | 'json'
  | 'relation';

export type RelationCardinality = 'manyToOne' | 'oneToMany' | 'manyToMany';

export interface SelectOption {
  value: string;
  label: string;
  color?: string;
}

/**
 * One flat shape for every field type; which properties apply is decided by the type's registry entry
 * (`FieldTypeDefinition.properties`) and enforced by the JSON Schema and semantic validation.
 */
export interface FieldDefinition {
  type: BuiltInFieldType | (string & {});
  label: string;
  description?: string;
  /** Previous name of this field; the plan renames its column instead of dropping and adding. */
  renamedFrom?: string;
  required?: boolean;
  unique?: boolean;
  defaultValue?: unknown;
  /** text, longText, email, phone, url */
  minLength?: number;
  maxLength?: number;
  /** integer, decimal, currency, percent */
  min?: number;
  max?: number;
  /** decimal, percent: digits after the decimal point (default 2). */
  scale?: number;
  /** currency: ISO 4217 code used when a value comes without one (default USD). */
  defaultCurrency?: string;
  /** select, multiSelect */
  options?: SelectOption[];
  /** relation */
  target?: string;
  cardinality?: RelationCardinality;
  /** relation: the field on `target` that points back (required for oneToMany). */
  inverse?: string;
  /** relation manyToOne: what happens to this record when the target is deleted (default setNull). */
  onDelete?: 'setNull' | 'cascade' | 'restrict';
  /** formula: JSON Logic over `record` (manyToOne targets reachable as `record.company.employees`). */
  expression?: JsonLogic;
  /** formula: type of the computed value. */
  resultType?: 'text' | 'integer' | 'decimal' | 'percent' | 'boolean' | 'date' | 'dateTime';
  /** rollup: a oneToMany or manyToMany field of this entity whose records are aggregated. */
  relation?: string;
  /** rollup: the aggregate function. */
  aggregate?: 'count' | 'sum' | 'min' | 'max' | 'avg';
  /** rollup: the field of the related entity that is aggregated (not for count). */
  aggregateField?: string;
  /** rollup: JSON Logic predicate over the related `record`; only matching records count. */
  filter?: JsonLogic;
  /** autoNumber: text before the number, e.g. `INV-`. */
  prefix?: string;
  /** autoNumber: the number is zero-padded to this many digits. */
  digits?: number;
}

export interface EntityLayouts {
  form?: FormLayout;
  list?: ListLayout;
}

export interface FormLayout {
  sections: FormSection[];
  /** Conditions per field name. */
  conditions?: Record<string, FieldConditions>;
}

export interface FormSection {
  label: string;
  /** Sections with the same tab label are shown together under that tab. */
  tab?: string;
  /** 1 to 4 */
  columns?: number;
  fields: string[];
}

export interface ListLayout {
  columns: string[];
  sort?: SortSpec[];
  pageSize?: number;
}

export interface SortSpec {
  field: string;
  direction: 'asc' | 'desc';
}

/** A problem found in a document: where (JSON path, e.g. `/entities/opportunity/fields/amount/min`), what, and how to fix. */
export interface MetadataProblem {
  path: string;
  message: string;
  code: string;
}
