import type { ErrorObject } from 'ajv';
import { findFieldType, SYSTEM_FIELDS, type EntityDefinition, type FieldDefinition, type JsonSchema, type MetadataDocument } from '@trellis/metadata';
import { formatFieldLabel } from './field-label.js';

/** One problem with one field of a record, worded for the person who entered it. */
export interface FieldError {
  /** Field name (the top-level field, also for problems inside a compound value such as a currency's code). */
  field: string;
  message: string;
  /** Name of the entity rule that failed; absent for problems with the value itself. */
  rule?: string;
}

export interface TranslateContext {
  doc: MetadataDocument;
  entityName: string;
  entity: EntityDefinition;
  /** Value schema (from the registry) of every writable field. */
  valueSchemas: Record<string, JsonSchema>;
  values: Record<string, unknown>;
}

/** Turns ajv errors of a record schema (see record-schema.ts) into at most a few clear messages per field. */
export function translateErrors(errors: readonly ErrorObject[], ctx: TranslateContext): FieldError[] {
  const byField = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const field = fieldOf(error);
    if (field === undefined) continue;
    byField.set(field, [...(byField.get(field) ?? []), error]);
  }
  const fieldOrder = Object.keys(ctx.entity.fields);
  const rank = (field: string) => (fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length);
  const fields = [...byField.keys()].sort((a, b) => rank(a) - rank(b));
  return fields.flatMap((field) =>
    [...new Set(fieldMessages(field, byField.get(field)!, ctx))].map((message) => ({ field, message })),
  );
}

function fieldOf(error: ErrorObject): string | undefined {
  const [first] = pointerSegments(error.instancePath);
  if (first !== undefined) return first;
  if (error.keyword === 'additionalProperties') return String(error.params.additionalProperty);
  if (error.keyword === 'required') return String(error.params.missingProperty);
  if (error.keyword === 'type') return '';
  return undefined;
}

function fieldMessages(name: string, errors: ErrorObject[], ctx: TranslateContext): string[] {
  if (name === '') return ["A record's values must be an object of field values"];
  const field = ctx.entity.fields[name];
  const schema = ctx.valueSchemas[name];
  if (!field || !schema) return [notWritableMessage(name, field, ctx)];
  const label = formatFieldLabel(name, field);
  if (field.required && isEmptyValue(ctx.values[name])) return [`${label} is required`];

  // A type error makes the other checks at the same spot meaningless; "not null" branches of optional fields are noise.
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type' && !isNullTypeError(e)).map((e) => e.instancePath));
  const relevant = errors.filter(
    (e) => !isNullTypeError(e) && !(typeFailed.has(e.instancePath) && e.keyword !== 'type') && e.keyword !== 'anyOf',
  );
  if (relevant.length === 0) return [`${label} is not a valid value`];
  return relevant.map((error) => errorMessage(name, field, schema, error, ctx));
}

function errorMessage(name: string, field: FieldDefinition, schema: JsonSchema, error: ErrorObject, ctx: TranslateContext): string {
  const rest = pointerSegments(error.instancePath).slice(1);
  const { subject, schema: at } = locate(formatFieldLabel(name, field), schema, rest);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `${subject} ${expectedTypeMessage(String(p.type).split(','), at, field, ctx)}`;
    case 'format':
      return `${subject} ${formatMessage(String(p.format), field, ctx)}`;
    case 'enum':
    case 'const':
    case 'oneOf':
      return `${subject} must be one of: ${allowedValues(field, at).join(', ')}`;
    case 'required':
      return `${subject} is missing its ${partLabel(at, String(p.missingProperty)).toLowerCase()}`;
    case 'additionalProperties':
      return `${subject} has no property '${String(p.additionalProperty)}'`;
    case 'minLength':
      return p.limit === 1 ? `${subject} must not be empty` : `${subject} must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `${subject} must be at most ${String(p.limit)} characters`;
    case 'minimum':
      return `${subject} must be at least ${String(p.limit)}`;
    case 'maximum':
      return `${subject} must be at most ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `${subject} must be greater than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `${subject} must be less than ${String(p.limit)}`;
    case 'multipleOf':
      return `${subject} must be a multiple of ${String(p.multipleOf)}`;
    case 'minItems':
      return `${subject} must have at least ${String(p.limit)} ${p.limit === 1 ? 'value' : 'values'}`;
    case 'maxItems':
      return `${subject} must have at most ${String(p.limit)} ${p.limit === 1 ? 'value' : 'values'}`;
    case 'uniqueItems':
      return `${subject} must not contain the same value twice`;
    case 'not':
      return `${subject} is required`;
    case 'pattern':
      return rest.length === 0 ? `${subject} ${typeShapeMessage(field)}` : `${subject} must match the pattern ${String(p.pattern)}`;
    default:
      return `${subject} ${error.message ?? 'is not valid'}`;
  }
}

/**
 * Who the message is about, and the schema at that spot. Inside a compound value a required property is the
 * value itself (a currency's `amount` → "Amount"); an optional one is named ("Amount currency"); a list
 * element is numbered ("Tags item 2").
 */
function locate(label: string, schema: JsonSchema, rest: string[]): { subject: string; schema: JsonSchema } {
  let subject = label;
  let at = schema;
  for (const segment of rest) {
    const items = at.items as JsonSchema | undefined;
    if (/^\d+$/.test(segment) && items) {
      subject = `${subject} item ${Number(segment) + 1}`;
      at = items;
      continue;
    }
    const required = Array.isArray(at.required) ? (at.required as string[]) : [];
    const property = ((at.properties as Record<string, JsonSchema> | undefined)?.[segment]) ?? {};
    // A titled part is always named (a geo point's "Latitude"), even when required.
    const title = typeof property.title === 'string' ? property.title : undefined;
    if (title || !required.includes(segment)) subject = `${subject} ${(title ?? formatFieldLabel(segment)).toLowerCase()}`;
    at = property;
  }
  return { subject, schema: at };
}

/** A compound value's part by its schema title, else its name in words. */
function partLabel(schema: JsonSchema, property: string): string {
  const title = ((schema.properties as Record<string, JsonSchema> | undefined)?.[property])?.title;
  return typeof title === 'string' ? title : formatFieldLabel(property);
}

function expectedTypeMessage(types: string[], at: JsonSchema, field: FieldDefinition, ctx: TranslateContext): string {
  const expected = types.filter((t) => t !== 'null');
  if (expected.length === 1) {
    switch (expected[0]) {
      case 'integer':
        return 'must be a whole number';
      case 'number':
        return 'must be a number';
      case 'boolean':
        return 'must be true or false';
      case 'array':
        return 'must be a list';
      case 'object': {
        const keys = Object.keys((at.properties as Record<string, unknown> | undefined) ?? {});
        return keys.length > 0 ? `must be an object with ${joinWords(keys)}` : 'must be an object';
      }
      case 'string':
        if (typeof at.format === 'string') return formatMessage(at.format, field, ctx);
        if (Array.isArray(at.enum)) return `must be one of: ${allowedValues(field, at).join(', ')}`;
        return 'must be text';
    }
  }
  return `must be of type ${joinWords(expected, 'or')}`;
}

function formatMessage(format: string, field: FieldDefinition, ctx: TranslateContext): string {
  switch (format) {
    case 'email':
      return 'must be a valid email address';
    case 'uri':
      return 'must be a valid URL like https://example.com';
    case 'date':
      return 'must be a date like 2026-01-31';
    case 'date-time':
      return 'must be a date and time like 2026-01-31T14:30:00Z';
    case 'time':
      return 'must be a time like 14:30:00';
    case 'uuid': {
      const target = field.target ? ctx.doc.entities[field.target] : undefined;
      return target ? `must be the id of a ${target.label} record` : 'must be a record id (UUID)';
    }
    default:
      return `must be a valid ${format}`;
  }
}

/** "must be a phone number such as +1 (555) 010-0199", from the first clause of the type's description. */
function typeShapeMessage(field: FieldDefinition): string {
  const type = findFieldType(field.type);
  const clause = type?.description.split(/[,.;](?:\s|$)/)[0]?.trim();
  if (!type || !clause) return 'is not in the expected format';
  return `must be ${clause.charAt(0).toLowerCase()}${clause.slice(1)}`;
}

/** Option labels when the field has options, else the schema's allowed values. */
function allowedValues(field: FieldDefinition, at: JsonSchema): string[] {
  if (field.options && field.options.length > 0) return field.options.map((o) => o.label);
  if (Array.isArray(at.enum)) return at.enum.filter((v) => v !== null).map((v) => String(v));
  const variants = (at.oneOf ?? at.anyOf) as JsonSchema[] | undefined;
  return (variants ?? []).map((v) => String(v.title ?? v.const));
}

function notWritableMessage(name: string, field: FieldDefinition | undefined, ctx: TranslateContext): string {
  const entityLabel = ctx.entity.label;
  if ((SYSTEM_FIELDS as readonly string[]).includes(name)) return `${formatFieldLabel(name)} is set by the system and cannot be written`;
  if (!field) return `Unknown field '${name}' — ${entityLabel} has no such field`;
  const label = formatFieldLabel(name, field);
  const target = field.target ? ctx.doc.entities[field.target] : undefined;
  const inverse = field.inverse ? target?.fields[field.inverse] : undefined;
  if (target && inverse && field.inverse) {
    return `${label} cannot be written here: set ${formatFieldLabel(field.inverse, inverse)} on each ${target.label} instead`;
  }
  return `${label} is read-only`;
}

function isNullTypeError(error: ErrorObject): boolean {
  return error.keyword === 'type' && error.params.type === 'null';
}

/** What a person leaves behind when entering nothing. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function joinWords(words: string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
