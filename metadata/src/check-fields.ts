/** Semantic check: per-field rules (ranges, options, default values, unique). */
import { Ajv, type ValidateFunction } from 'ajv';
import { findFieldType } from './field-types/registry.js';
import { isToMany } from './field-types/relation.js';
import { addFormats } from './formats.js';
import { entityEntries, fieldEntries, pointer, type DocumentCheck, type Report } from './problems.js';
import type { FieldDefinition } from './types.js';

const valueAjv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validators = new Map<string, ValidateFunction | null>();

/** Compiled JSON Schema of a field's values (null when a plugin's schema does not compile). */
function valueValidator(field: FieldDefinition): ValidateFunction | null {
  const type = findFieldType(field.type);
  if (!type) return null;
  const schema = type.jsonSchema(field);
  const key = JSON.stringify(schema);
  if (!validators.has(key)) {
    try {
      validators.set(key, valueAjv.compile(schema));
    } catch {
      validators.set(key, null);
    }
  }
  return validators.get(key)!;
}

function checkRanges(report: Report, base: string[], name: string, field: FieldDefinition): void {
  if (typeof field.min === 'number' && typeof field.max === 'number' && field.min > field.max) {
    report(pointer(...base, 'min'), 'min-greater-than-max', `Field ${name} has min ${field.min} greater than max ${field.max}; swap them or fix one.`);
  }
  if (typeof field.minLength === 'number' && typeof field.maxLength === 'number' && field.minLength > field.maxLength) {
    report(
      pointer(...base, 'minLength'),
      'min-length-greater-than-max-length',
      `Field ${name} has minLength ${field.minLength} greater than maxLength ${field.maxLength}; no value could be valid.`,
    );
  }
}

function checkOptions(report: Report, base: string[], name: string, field: FieldDefinition): void {
  if (field.type !== 'select' && field.type !== 'multiSelect') return;
  if (!Array.isArray(field.options)) return;
  if (field.options.length === 0) {
    report(pointer(...base, 'options'), 'empty-options', `Field ${name} is a ${field.type} without options; add at least one { "value", "label" }.`);
  }
  const seen = new Set<string>();
  field.options.forEach((option, i) => {
    const value = (option as { value?: unknown } | null)?.value;
    if (typeof value !== 'string') return;
    if (seen.has(value)) {
      report(pointer(...base, 'options', i, 'value'), 'duplicate-option', `Field ${name} lists option value "${value}" twice; option values must be unique.`);
    }
    seen.add(value);
  });
}

function checkDefault(report: Report, base: string[], name: string, field: FieldDefinition): void {
  if (field.defaultValue === undefined) return;
  const path = pointer(...base, 'defaultValue');
  if (field.type === 'relation' && isToMany(field)) {
    report(path, 'invalid-default', `Field ${name} is a ${field.cardinality} relation, which cannot have a default value; remove "defaultValue".`);
    return;
  }
  if (findFieldType(field.type)?.jsonSchema(field).readOnly === true) {
    report(path, 'invalid-default', `Field ${name} is a ${field.type} field, set by the system, which cannot have a default value; remove "defaultValue".`);
    return;
  }
  const validate = valueValidator(field);
  if (validate && validate(field.defaultValue)) {
    const [why] = findFieldType(field.type)?.checkValue?.(field, field.defaultValue) ?? [];
    if (why) report(path, 'invalid-default', `Default value of field ${name} ${why}; fix or remove it.`);
    return;
  }
  if (!validate) return;
  const why = (validate.errors ?? []).map((e) => `${e.instancePath ? e.instancePath.slice(1) + ' ' : ''}${e.message}`).join('; ');
  report(path, 'invalid-default', `Default value ${JSON.stringify(field.defaultValue)} of field ${name} is not a valid ${field.type} value (${why}); fix or remove it.`);
}

function checkUnique(report: Report, base: string[], name: string, field: FieldDefinition): void {
  if (field.unique !== true) return;
  const type = findFieldType(field.type);
  if (!type) return;
  if (type.supportsUnique === false || (field.type === 'relation' && isToMany(field))) {
    report(pointer(...base, 'unique'), 'unique-not-supported', `Field ${name} of type ${field.type}${field.cardinality ? ` (${field.cardinality})` : ''} cannot be unique; remove "unique".`);
  }
}

/** The type's own checks of its properties (rating's `max` is 3 to 10, …). */
function checkTypeProperties(report: Report, base: string[], name: string, field: FieldDefinition): void {
  for (const problem of findFieldType(field.type)?.checkField?.(field) ?? []) {
    report(pointer(...base, problem.property), problem.code, `Field ${name}: ${problem.message}`);
  }
}

export const checkFields: DocumentCheck = (doc, report) => {
  for (const [entity, def] of entityEntries(doc)) {
    for (const [fieldName, field] of fieldEntries(def)) {
      const base = ['entities', entity, 'fields', fieldName];
      const name = `${entity}.${fieldName}`;
      checkRanges(report, base, name, field);
      checkOptions(report, base, name, field);
      checkDefault(report, base, name, field);
      checkUnique(report, base, name, field);
      checkTypeProperties(report, base, name, field);
    }
  }
};
