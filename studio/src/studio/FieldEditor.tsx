/**
 * Add or edit a field: a type picker (registry labels and descriptions), the common properties, and the
 * type's own properties as its registry entry lists them. The result is checked live with validateDocument.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { validateDocument, type FieldDefinition, type FieldProperty, type MetadataDocument, type RelationCardinality } from '@trellis/metadata';
import { useDraft } from '../app/draft-context.js';
import { useMetadata } from '../app/metadata-context.js';
import { allFieldTypes, fieldTypeOf } from '../lib/field-types.js';
import { camelName, labelFromName, pluralize, uniqueName } from '../lib/names.js';
import { CURRENCY_CODES } from '../data/widgets.js';
import { Dialog } from '../ui/Dialog.js';
import { addField, createInverseField, inverseCardinality, renameField, updateField } from './doc-edits.js';
import { CheckboxField, NumberField, SelectField, TextInput } from './inputs.js';
import { OptionsEditor } from './OptionsEditor.js';
import { TypePropertyEditors, ownsProperty } from './TypePropertyEditors.js';
import { ComputedFieldEditors } from './rules/ComputedFieldEditors.js';
import { parseProblemPath } from './problem-paths.js';

interface Props {
  entityName: string;
  /** Absent when adding a field. */
  fieldName?: string;
  onClose: () => void;
}

const COMMON: (keyof FieldDefinition)[] = ['type', 'label', 'description', 'required', 'unique', 'defaultValue', 'renamedFrom'];

/** Keeps the common properties and the ones the type accepts; fills the defaults a type needs to be valid. */
function shapeFor(def: FieldDefinition, typeName: string, doc: MetadataDocument, entityName: string): FieldDefinition {
  const accepted = new Set<string>([...COMMON, ...(fieldTypeOf(typeName)?.properties ?? [])]);
  const next = Object.fromEntries(Object.entries(def).filter(([k]) => accepted.has(k))) as FieldDefinition;
  next.type = typeName;
  if ((typeName === 'select' || typeName === 'multiSelect') && !next.options) next.options = [];
  if (typeName === 'relation') {
    next.target ??= Object.keys(doc.entities).find((e) => e !== entityName) ?? entityName;
    next.cardinality ??= 'manyToOne';
  }
  if (typeName === 'multiSelect' || typeName === 'json' || fieldTypeOf(typeName)?.supportsUnique === false || (typeName === 'relation' && next.cardinality !== 'manyToOne')) delete next.unique;
  // A value the system sets (auto-number) is never required of people, nor given a default.
  if (fieldTypeOf(typeName)?.jsonSchema(next).readOnly === true) {
    delete next.required;
    delete next.defaultValue;
  }
  return next;
}

/** Name and label suggested for the other side of a relation. */
function suggestInverse(doc: MetadataDocument, entityName: string, cardinality: RelationCardinality, target: string) {
  const entity = doc.entities[entityName];
  const inverse = inverseCardinality(cardinality);
  const label = inverse === 'manyToOne' ? entity.label : entity.pluralLabel || pluralize(entity.label);
  const taken = Object.keys(doc.entities[target]?.fields ?? {});
  return { name: uniqueName(camelName(label) || 'related', taken), label };
}

const clean = (def: FieldDefinition): FieldDefinition => {
  const out = { ...def } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (v === undefined || v === '' || v === false) delete out[k];
  out.type = def.type;
  out.label = def.label;
  return out as unknown as FieldDefinition;
};

export function FieldEditor({ entityName, fieldName, onClose }: Props) {
  const { draft, edit } = useDraft();
  const { stored: published } = useMetadata();
  const entity = draft.entities[entityName];
  const existing = fieldName ? entity.fields[fieldName] : undefined;
  const types = allFieldTypes();

  const [def, setDef] = useState<FieldDefinition>(() => (existing ? structuredClone(existing) : { type: 'text', label: '' }));
  const [name, setName] = useState(fieldName ?? '');
  const [nameEdited, setNameEdited] = useState(!!fieldName);
  const [createInverse, setCreateInverse] = useState(!existing);
  const initialInverse = useMemo(
    () => (def.type === 'relation' && def.target ? suggestInverse(draft, entityName, def.cardinality ?? 'manyToOne', def.target) : { name: '', label: '' }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const [inverse, setInverse] = useState(existing?.inverse ? { name: existing.inverse, label: '' } : initialInverse);
  const [inverseEdited, setInverseEdited] = useState(!!existing?.inverse);
  const [submitted, setSubmitted] = useState(false);

  const type = fieldTypeOf(def.type);
  const props = new Set<FieldProperty>(type?.properties ?? []);
  const isRelation = def.type === 'relation';
  const targetEntity = isRelation && def.target ? draft.entities[def.target] : undefined;
  const inverseExists = !!(targetEntity && inverse.name && targetEntity.fields[inverse.name]);
  const willCreateInverse = isRelation && createInverse && !!inverse.name && !inverseExists;

  const retype = (typeName: string) => {
    const next = shapeFor(def, typeName, draft, entityName);
    setDef(next);
    if (typeName === 'relation' && !inverseEdited && next.target) setInverse(suggestInverse(draft, entityName, next.cardinality ?? 'manyToOne', next.target));
  };
  const patch = (p: Partial<FieldDefinition>) => {
    const next = { ...def, ...p };
    if (next.type === 'relation' && (p.target !== undefined || p.cardinality !== undefined)) {
      if (next.cardinality !== 'manyToOne') {
        delete next.onDelete;
        delete next.unique;
      }
      if (!inverseEdited && next.target) setInverse(suggestInverse(draft, entityName, next.cardinality ?? 'manyToOne', next.target));
    }
    setDef(next);
  };
  const setLabel = (label: string) => {
    setDef((d) => ({ ...d, label }));
    if (!nameEdited) setName(camelName(label));
  };

  const fieldDef = useMemo(() => {
    const d = clean(def);
    if (isRelation) {
      if (inverse.name && (inverseExists || willCreateInverse)) d.inverse = inverse.name;
      else delete d.inverse;
    }
    return d;
  }, [def, isRelation, inverse.name, inverseExists, willCreateInverse]);

  const apply = (doc: MetadataDocument): MetadataDocument => {
    let next = doc;
    if (fieldName) {
      if (name !== fieldName) next = renameField(next, entityName, fieldName, name, published);
      next = updateField(next, entityName, name, fieldDef);
    } else {
      next = addField(next, entityName, name, fieldDef);
    }
    if (willCreateInverse) {
      next = createInverseField(next, entityName, name, { name: inverse.name, label: inverse.label || labelFromName(inverse.name) });
    }
    return next;
  };

  const duplicate = name !== fieldName && !!entity.fields[name];
  const problems = useMemo(() => {
    const byProp: Record<string, string[]> = {};
    const add = (key: string, message: string) => (byProp[key] ??= []).push(message);
    if (!def.label.trim()) add('label', 'Enter a label');
    if (!name) add('name', 'Enter a name');
    if (duplicate) add('name', `This entity already has a field named “${name}”`);
    if (!name || duplicate) return byProp;
    let candidate: MetadataDocument;
    try {
      candidate = apply(draft);
    } catch (e) {
      add('other', (e as Error).message);
      return byProp;
    }
    for (const p of validateDocument(candidate)) {
      const loc = parseProblemPath(p.path);
      if (loc.entity === entityName && loc.field === name) add(loc.rest[0] === 'options' ? 'options' : loc.rest[0] ?? 'name', p.message);
      else if (isRelation && loc.entity === def.target && loc.field === inverse.name) add('inverse', p.message);
    }
    return byProp;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, def, name, fieldDef, inverse, willCreateInverse]);

  const valid = Object.keys(problems).length === 0;
  const show = (key: string) => (submitted || def.label.trim() ? problems[key] : undefined);
  const known = new Set(['label', 'name', 'description', 'type', 'required', 'unique', 'options', 'inverse', 'target', 'cardinality', 'onDelete', 'min', 'max', 'minLength', 'maxLength', 'scale', 'defaultCurrency', 'prefix', 'digits', 'expression', 'resultType', 'relation', 'aggregate', 'aggregateField', 'filter']);
  const others = Object.entries(problems).filter(([k]) => !known.has(k)).flatMap(([, m]) => m);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    edit(apply);
    onClose();
  };

  const num = (key: 'min' | 'max' | 'minLength' | 'maxLength' | 'scale', label: string, step: number | 'any' = 'any') =>
    props.has(key) && !ownsProperty(def.type, key) && <NumberField label={label} value={def[key]} step={step} errors={show(key)} onChange={(v) => patch({ [key]: v })} />;

  return (
    <Dialog
      open
      wide
      title={fieldName ? `Edit field “${existing?.label ?? fieldName}”` : `Add field to ${entity.label}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="field-editor-form" className="btn btn-primary" disabled={submitted && !valid}>
            {fieldName ? 'Save field' : 'Add field'}
          </button>
        </>
      }
    >
      <form id="field-editor-form" className={fieldName ? 'field-editor' : 'field-editor with-picker'} onSubmit={submit} noValidate>
        {!fieldName && (
          <fieldset className="type-picker">
            <legend className="field-label">Field type</legend>
            <div role="radiogroup" aria-label="Field type" className="type-options">
              {types.map((t) => (
                <label key={t.name} className={def.type === t.name ? 'type-option selected' : 'type-option'}>
                  <input
                    type="radio"
                    name="field-type"
                    value={t.name}
                    checked={def.type === t.name}
                    aria-label={t.label}
                    aria-describedby={`type-desc-${t.name}`}
                    onChange={() => retype(t.name)}
                  />
                  <span className="type-option-label">{t.label}</span>
                  <span className="type-option-desc" id={`type-desc-${t.name}`}>
                    {t.description}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div className="field-props stack">
          {fieldName && (
            <SelectField label="Field type" value={def.type} onChange={retype} errors={show('type')} hint={existing?.type !== def.type ? 'Changing the type converts the stored values when you publish; the plan shows whether data may be lost.' : undefined}>
              {types.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.label}
                </option>
              ))}
            </SelectField>
          )}
          {type && !fieldName && <p className="muted small type-summary">{type.description}</p>}
          <div className="grid-2">
            <TextInput label="Field label" value={def.label} onChange={setLabel} autoFocus errors={show('label')} />
            <TextInput
              label="Field name"
              mono
              value={name}
              onChange={(v) => {
                setNameEdited(true);
                setName(v);
              }}
              errors={show('name')}
              hint={fieldName && name !== fieldName ? `Renaming keeps the data: the column is renamed${existing?.renamedFrom || published.entities[entityName]?.fields[fieldName] ? '' : ' (new field: just renamed)'}.` : undefined}
            />
          </div>
          <TextInput label="Field description" value={def.description ?? ''} multiline onChange={(v) => patch({ description: v || undefined })} errors={show('description')} />
          <div className="checks-row">
            {/* A value the system sets (auto-number) cannot be required of people. */}
            {type?.jsonSchema(def).readOnly !== true && (
              <CheckboxField label="Required" checked={!!def.required} onChange={(v) => patch({ required: v || undefined })} errors={show('required')} />
            )}
            {!(def.type === 'multiSelect' || def.type === 'json' || type?.supportsUnique === false || (isRelation && def.cardinality !== 'manyToOne')) && (
              <CheckboxField label="Unique" checked={!!def.unique} onChange={(v) => patch({ unique: v || undefined })} errors={show('unique')} />
            )}
          </div>

          {(props.has('minLength') || props.has('maxLength')) && (
            <div className="grid-2">
              {num('minLength', 'Minimum length', 1)}
              {num('maxLength', 'Maximum length', 1)}
            </div>
          )}
          {(props.has('min') || props.has('max')) && (
            <div className="grid-2">
              {num('min', 'Minimum', def.type === 'integer' ? 1 : 'any')}
              {num('max', 'Maximum', def.type === 'integer' ? 1 : 'any')}
            </div>
          )}
          {(props.has('scale') || props.has('defaultCurrency')) && (
            <div className="grid-2">
              {num('scale', 'Decimal places', 1)}
              {props.has('defaultCurrency') && (
                <SelectField label="Default currency" value={def.defaultCurrency ?? ''} errors={show('defaultCurrency')} onChange={(v) => patch({ defaultCurrency: v || undefined })}>
                  <option value="">USD (default)</option>
                  {CURRENCY_CODES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </SelectField>
              )}
            </div>
          )}
          {props.has('options') && <OptionsEditor options={def.options ?? []} onChange={(options) => patch({ options })} errors={show('options')} />}
          <TypePropertyEditors def={def} patch={patch} show={show} />
          <ComputedFieldEditors entityName={entityName} name={name} def={def} patch={patch} show={show} />

          {isRelation && (
            <fieldset className="relation-props stack">
              <legend className="field-label">Relation</legend>
              <div className="grid-2">
                <SelectField label="Target entity" value={def.target ?? ''} errors={show('target')} onChange={(v) => patch({ target: v })}>
                  {Object.entries(draft.entities).map(([n, e]) => (
                    <option key={n} value={n}>
                      {e.label}
                    </option>
                  ))}
                </SelectField>
                <SelectField label="Cardinality" value={def.cardinality ?? 'manyToOne'} errors={show('cardinality')} onChange={(v) => patch({ cardinality: v as RelationCardinality })}>
                  <option value="manyToOne">Many to one — each {entity.label.toLowerCase()} links to one {targetEntity?.label.toLowerCase() ?? 'record'}</option>
                  <option value="oneToMany">One to many — a list of {targetEntity?.pluralLabel.toLowerCase() ?? 'records'} pointing here</option>
                  <option value="manyToMany">Many to many — links in both directions</option>
                </SelectField>
              </div>
              <div className="grid-2">
                <TextInput
                  label="Inverse field name"
                  mono
                  value={inverse.name}
                  errors={show('inverse')}
                  hint={
                    inverseExists
                      ? `Links to the existing field “${targetEntity!.fields[inverse.name].label}” on ${targetEntity!.label}.`
                      : def.cardinality === 'oneToMany'
                        ? `Required: the field on ${targetEntity?.label ?? 'the target'} that points back here.`
                        : 'Optional: the field on the target that points back.'
                  }
                  onChange={(v) => {
                    setInverseEdited(true);
                    setInverse((i) => ({ ...i, name: v }));
                  }}
                />
                {!inverseExists && (
                  <TextInput
                    label="Inverse field label"
                    value={inverse.label}
                    onChange={(v) => {
                      setInverseEdited(true);
                      setInverse((i) => ({ ...i, label: v }));
                    }}
                  />
                )}
              </div>
              {!inverseExists && (
                <CheckboxField
                  label="Also create inverse field on target"
                  checked={createInverse}
                  onChange={setCreateInverse}
                  hint={createInverse && inverse.name ? `Adds “${inverse.label || inverse.name}” (${inverseCardinality(def.cardinality ?? 'manyToOne')}) to ${targetEntity?.label ?? 'the target'}.` : undefined}
                />
              )}
              {def.cardinality === 'manyToOne' && (
                <SelectField label="When the target is deleted" value={def.onDelete ?? 'setNull'} errors={show('onDelete')} onChange={(v) => patch({ onDelete: v === 'setNull' ? undefined : (v as FieldDefinition['onDelete']) })}>
                  <option value="setNull">Clear this field</option>
                  <option value="cascade">Delete this {entity.label.toLowerCase()} too</option>
                  <option value="restrict">Prevent the deletion</option>
                </SelectField>
              )}
            </fieldset>
          )}

          {others.length > 0 && (
            <ul className="problem-list" aria-label="Problems">
              {others.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      </form>
    </Dialog>
  );
}
