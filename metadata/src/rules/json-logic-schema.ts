/**
 * `buildJsonLogicSchema(doc, entity, context)`: a JSON Schema of the JSON Logic expressions allowed in one place
 * (a rule of `opportunity`, a view filter…), for editors such as monaco: completion of operators (with their
 * descriptions and arity) and of `var` paths (`record.amount.amount`, `record.company.name`, `user.id`, `now`).
 * It helps people type; the verdict stays with `analyzeJsonLogic` (exact paths and messages).
 */
import type { JsonSchema } from '../field-types/field-type.js';
import { isRecord } from '../problems.js';
import type { FieldDefinition, MetadataDocument } from '../types.js';
import { expressionScope, type ExpressionContext } from './expression-sites.js';
import { fieldSubValues, SYSTEM_FIELD_TYPES, USER_PROPERTIES } from './field-logic-type.js';
import { describeArity, listOperationSignatures } from './operations.js';

const fieldsOf = (doc: MetadataDocument, entity: string): [string, FieldDefinition][] => {
  const fields = doc.entities[entity]?.fields;
  return isRecord(fields) ? Object.entries(fields).filter((e): e is [string, FieldDefinition] => isRecord(e[1])) : [];
};

/** `[path, description]` of every field value under `prefix` (`record`, `record.company`). */
function fieldPaths(doc: MetadataDocument, entity: string, prefix: string, related: boolean): [string, string][] {
  const paths: [string, string][] = Object.keys(SYSTEM_FIELD_TYPES).map((name) => [`${prefix}.${name}`, `${name} (system field of ${entity})`]);
  for (const [name, field] of fieldsOf(doc, entity)) {
    paths.push([`${prefix}.${name}`, `${field.label ?? name} (${field.type} field of ${entity})`]);
    for (const sub of Object.keys(fieldSubValues(field) ?? {})) paths.push([`${prefix}.${name}.${sub}`, `${sub} of ${field.label ?? name}`]);
    if (related && field.type === 'relation' && field.cardinality === 'manyToOne' && typeof field.target === 'string') {
      paths.push(...fieldPaths(doc, field.target, `${prefix}.${name}`, false));
    }
  }
  return paths;
}

/** Every `var` path an expression of `context` over `entity` may read, with a description each. */
export function contextPaths(doc: MetadataDocument, entity: string, context: ExpressionContext): [string, string][] {
  const scope = expressionScope(doc, entity, context);
  const roots = scope.roots ?? [];
  const paths: [string, string][] = [];
  if (roots.includes('record')) paths.push(...fieldPaths(doc, entity, 'record', scope.related === true));
  if (roots.includes('previous')) paths.push(...fieldPaths(doc, entity, 'previous', scope.related === true).map(([p, d]): [string, string] => [p, `${d}, before the change`]));
  if (roots.includes('user')) paths.push(...Object.keys(USER_PROPERTIES).map((p): [string, string] => [`user.${p}`, `${p} of the acting user`]));
  if (roots.includes('now')) paths.push(['now', 'The current date-time (ISO 8601)']);
  return paths;
}

export function buildJsonLogicSchema(doc: MetadataDocument, entity: string, context: ExpressionContext): JsonSchema {
  const paths = contextPaths(doc, entity, context);
  const path: JsonSchema = { enum: paths.map(([p]) => p), enumDescriptions: paths.map(([, d]) => d) };
  const expr: JsonSchema = { $ref: '#/definitions/expression' };
  const operations: Record<string, JsonSchema> = {};
  for (const sig of listOperationSignatures()) {
    const description = `${sig.description} Takes ${describeArity(sig)}.`;
    const list: JsonSchema = { type: 'array', items: expr, minItems: sig.minArgs, ...(sig.maxArgs === undefined ? {} : { maxItems: sig.maxArgs }) };
    if (sig.name === 'var') operations.var = { description, anyOf: [path, { type: 'array', items: [path, {}], minItems: 1, maxItems: 2 }] };
    else if (sig.name === 'missing') operations.missing = { description, type: 'array', items: path };
    else if (sig.name === 'changed') operations.changed = { description, enum: fieldsOf(doc, entity).map(([name]) => name) };
    else operations[sig.name] = { description, anyOf: sig.maxArgs === 1 || sig.minArgs <= 1 ? [list, expr] : [list] };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `JSON Logic over ${entity}`,
    $ref: '#/definitions/expression',
    definitions: {
      expression: {
        anyOf: [
          { type: ['string', 'number', 'boolean', 'null'] },
          { type: 'array', items: expr },
          { type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: false, properties: operations },
        ],
      },
    },
  };
}
