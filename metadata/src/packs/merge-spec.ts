/**
 * The shape of the metadata document as the merge sees it: which objects are maps of named components
 * (merged entry by entry), which are records of properties, which arrays are ordered lists with an identity
 * (options by `value`, steps by `key`, form sections by `label`, sort entries by `field`) or ordered sets of
 * names (layout fields, columns, rule fields), and — everything else — atomic values compared as a whole
 * (JSON Logic expressions, role scopes, default values, trigger settings). `noun` names a map entry or list item
 * for people ("field", "option"); a record's `noun` names the record itself ("the form"), '' hides it.
 */

export interface AtomicSpec {
  readonly kind: 'atomic';
}

export interface RecordSpec {
  readonly kind: 'record';
  readonly noun?: string;
  /** Properties not listed are atomic. */
  readonly properties: Record<string, MergeSpec>;
}

export interface MapSpec {
  readonly kind: 'map';
  readonly noun: string;
  readonly entry: MergeSpec;
}

export interface ListSpec {
  readonly kind: 'list';
  readonly noun: string;
  /** The property of each (object) item that identifies it; absent: the items are scalars, their own identity. */
  readonly identity?: string;
  readonly item: MergeSpec;
}

export type MergeSpec = AtomicSpec | RecordSpec | MapSpec | ListSpec;

export const ATOMIC: AtomicSpec = { kind: 'atomic' };

const record = (properties: Record<string, MergeSpec> = {}, noun?: string): RecordSpec => ({ kind: 'record', properties, noun });
const map = (noun: string, entry: MergeSpec = ATOMIC): MapSpec => ({ kind: 'map', noun, entry });
const keyed = (noun: string, identity: string, item: MergeSpec = record()): ListSpec => ({ kind: 'list', noun, identity, item });
const names = (noun: string): ListSpec => ({ kind: 'list', noun, item: ATOMIC });

const SORT = keyed('sort on', 'field');

const FIELD = record({ options: keyed('option', 'value') });

const FORM = record(
  {
    sections: keyed('section', 'label', record({ fields: names('field') })),
    conditions: map('conditions of field', record()),
  },
  'the form',
);

const ENTITY = record({
  fields: map('field', FIELD),
  layouts: record({ form: FORM, list: record({ columns: names('column'), sort: SORT }, 'the list layout') }, ''),
  rules: map('rule', record({ fields: names('field') })),
  views: map('view', record({ columns: names('column'), sort: SORT })),
});

const ROLE = record({ entities: map('permissions on entity', record({ fields: map('access to field') })) });

const STEP_PROPERTIES: Record<string, MergeSpec> = {
  values: map('value of'),
  input: map('input'),
  headers: map('header'),
  recipients: record({ roles: names('role'), teams: names('team') }, 'the recipients'),
  fields: names('field'),
};
const STEPS = keyed('step', 'key', record(STEP_PROPERTIES));
STEP_PROPERTIES.then = STEPS;
STEP_PROPERTIES.else = STEPS;

const WORKFLOW = record({ trigger: record({ fields: names('field') }, 'the trigger'), steps: STEPS });

export const DOCUMENT_SPEC: RecordSpec = record(
  // Translations: per locale, per label pointer; each text is atomic (both changing one differently is a conflict).
  { entities: map('entity', ENTITY), workflows: map('workflow', WORKFLOW), roles: map('role', ROLE), translations: map('locale', map('translation of')) },
  'the document',
);

export const isContainerSpec = (spec: MergeSpec): spec is RecordSpec | MapSpec | ListSpec => spec.kind !== 'atomic';

/** The spec of property `key` of a record (atomic when not listed). */
export const propertySpec = (spec: RecordSpec, key: string): MergeSpec => (Object.hasOwn(spec.properties, key) ? spec.properties[key]! : ATOMIC);
