import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { findFieldType, type JsonSchema, type MetadataDocument } from '@trellis/metadata';
import { formatFieldLabel } from './field-label.js';
import { getEntity, valueSchema, writableFields } from './entity.js';
import { recordJsonSchema, type RecordMode } from './record-schema.js';
import { translateErrors, type FieldError } from './translate-errors.js';

export type { FieldError } from './translate-errors.js';

export interface ValidateRecordOptions {
  /** create: required fields must be present; update: absent fields are left unchanged. */
  mode: RecordMode;
}

/** Checks a record's values; returns every problem found (empty when valid). */
export type RecordValidator = (values: Record<string, unknown>, options: ValidateRecordOptions) => FieldError[];

// ajv-formats is CommonJS; under Node ESM its default import is the plugin itself, which also carries `.default`.
const addFormats = addFormatsModule.default;

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
addFormats(ajv, ['email', 'uri', 'date', 'date-time', 'time', 'uuid']);

const cache = new WeakMap<MetadataDocument, Map<string, RecordValidator>>();

/**
 * The validator of one entity's records. Compiled once per (document object, entity) and cached for as long
 * as the document object lives, so the server and the studio can call this on every save.
 */
export function compileRecordValidator(doc: MetadataDocument, entityName: string): RecordValidator {
  let perEntity = cache.get(doc);
  if (!perEntity) {
    perEntity = new Map();
    cache.set(doc, perEntity);
  }
  const cached = perEntity.get(entityName);
  if (cached) return cached;
  const validator = buildValidator(doc, entityName);
  perEntity.set(entityName, validator);
  return validator;
}

function buildValidator(doc: MetadataDocument, entityName: string): RecordValidator {
  const entity = getEntity(doc, entityName);
  const valueSchemas: Record<string, JsonSchema> = Object.fromEntries(
    writableFields(entity).map(([name, field]) => [name, valueSchema(field)]),
  );
  const compiled: Partial<Record<RecordMode, ValidateFunction>> = {};
  const compiledFor = (mode: RecordMode): ValidateFunction => {
    const existing = compiled[mode];
    if (existing) return existing;
    const schema = recordJsonSchema(doc, entityName, mode);
    const fn = ajv.compile(schema);
    // The shared ajv instance keeps compiled schemas in a Map; drop ours so old documents can be collected.
    ajv.removeSchema(schema);
    compiled[mode] = fn;
    return fn;
  };
  const valueChecks = writableFields(entity).flatMap(([name, field]) => {
    const check = findFieldType(field.type)?.checkValue;
    return check ? [{ name, label: formatFieldLabel(name, field), check: (value: unknown) => check(field, value) }] : [];
  });
  return (values, options) => {
    const validate = compiledFor(options.mode);
    const errors = validate(values) ? [] : translateErrors(validate.errors ?? [], { doc, entityName, entity, valueSchemas, values: isRecord(values) ? values : {} });
    if (valueChecks.length === 0 || !isRecord(values)) return errors;
    // Checks a schema cannot express (richText's maxLength counts text), for values the schema accepted.
    for (const { name, label, check } of valueChecks) {
      const value = values[name];
      if (value === undefined || value === null || errors.some((e) => e.field === name)) continue;
      for (const message of check(value)) errors.push({ field: name, message: `${label} ${message}` });
    }
    return errors;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
