/**
 * What a JSON Logic expression of the studio can read where it lives (validation rule, form condition, view
 * filter, formula, roll-up filter): the var paths it may use (for completion and the builder), the operators,
 * and its problems from metadata's static analysis — the same checks a publish runs.
 */
import {
  checkExpression,
  expressionScope,
  fieldLogicType,
  listOperationSignatures,
  SYSTEM_FIELD_TYPES,
  USER_PROPERTIES,
  type ExpressionContext,
  type LogicType,
  type MetadataDocument,
} from '@trellis/metadata';

export type { ExpressionContext } from '@trellis/metadata';

export interface VarPath {
  path: string;
  /** For people: "Stage (before the change)". */
  label: string;
  type: LogicType;
}

export interface LogicProblem {
  /** JSON pointer inside the expression ('' = the whole expression). */
  path: string;
  message: string;
  code: string;
}

/** Whether expressions of this context see `previous` (and may use `changed`). */
export const seesPrevious = (context: ExpressionContext): boolean => context === 'rule' || context === 'condition';

/** Every var path an expression of `context` over records of `entity` may read, in a stable order. */
export function varPaths(doc: MetadataDocument, entity: string, context: ExpressionContext): VarPath[] {
  const scope = expressionScope(doc, entity, context);
  const roots = scope.roots ?? ['record', 'previous', 'user', 'now'];
  const def = doc.entities[entity];
  const out: VarPath[] = [];
  for (const root of ['record', 'previous'] as const) {
    if (!roots.includes(root) || !def) continue;
    const suffix = root === 'previous' ? ' (before the change)' : '';
    for (const [name, field] of Object.entries(def.fields)) {
      if (field.type === 'relation' && field.cardinality === 'oneToMany') continue;
      const label = `${field.label}${suffix}`;
      out.push({ path: `${root}.${name}`, label, type: fieldLogicType(field) });
      if (field.type === 'currency') {
        out.push({ path: `${root}.${name}.amount`, label: `${label}: amount`, type: 'number' });
        out.push({ path: `${root}.${name}.currency`, label: `${label}: currency`, type: 'string' });
      }
      const target = field.type === 'relation' && field.cardinality === 'manyToOne' ? doc.entities[field.target ?? ''] : undefined;
      if (scope.related && target) {
        for (const [tName, tField] of Object.entries(target.fields)) {
          if (tField.type === 'relation') continue;
          out.push({ path: `${root}.${name}.${tName}`, label: `${field.label} → ${tField.label}${suffix}`, type: fieldLogicType(tField) });
        }
      }
    }
    for (const [name, type] of Object.entries(SYSTEM_FIELD_TYPES)) out.push({ path: `${root}.${name}`, label: `${name}${suffix}`, type });
  }
  if (roots.includes('user')) {
    for (const [name, type] of Object.entries(USER_PROPERTIES)) out.push({ path: `user.${name}`, label: `The acting user's ${name}`, type });
  }
  if (roots.includes('now')) out.push({ path: 'now', label: 'The current date and time', type: 'dateTime' });
  return out;
}

/** Operators with their one-line descriptions, for completion. */
export function operatorDocs(): { name: string; description: string }[] {
  return listOperationSignatures().map((s) => ({ name: s.name, description: s.description }));
}

/**
 * The static problems of `expr` (unknown operators and fields, wrong arity, unsafe patterns, wrong result
 * type…), paths relative to the expression. `entity` is the entity whose records the expression reads (for a
 * roll-up filter: the related entity). `expected` overrides the result type (formulas: their result type).
 */
export function logicProblems(
  doc: MetadataDocument,
  entity: string,
  expr: unknown,
  context: ExpressionContext,
  expected?: LogicType,
): LogicProblem[] {
  if (!doc.entities[entity]) return [];
  try {
    return checkExpression(doc, entity, expr, '', context, expected ? { expected } : {}).map((p) => ({ path: p.path, message: p.message, code: p.code }));
  } catch (e) {
    return [{ path: '', message: `The expression could not be checked: ${(e as Error).message}`, code: 'check-failed' }];
  }
}

/**
 * A JSON Schema for monaco's JSON language service: property completion offers the operators (with their
 * descriptions) and `var` offers the paths. It accepts anything, so validation stays with `logicProblems`.
 */
export function logicJsonSchema(doc: MetadataDocument, entity: string, context: ExpressionContext): Record<string, unknown> {
  const paths = varPaths(doc, entity, context);
  const fields = Object.entries(doc.entities[entity]?.fields ?? {})
    .filter(([, f]) => !(f.type === 'relation' && f.cardinality === 'oneToMany'))
    .map(([name]) => name);
  const pathEnum = { enum: paths.map((p) => p.path), enumDescriptions: paths.map((p) => `${p.label} — ${p.type}`) };
  const expr = { $ref: '#/definitions/expr' };
  const properties: Record<string, unknown> = {};
  for (const op of operatorDocs()) {
    properties[op.name] = { description: op.description, anyOf: [{ type: 'array', items: expr }, expr] };
  }
  properties.var = {
    description: 'A value of the rule context by dotted path, e.g. "record.amount".',
    anyOf: [pathEnum, { type: 'string' }, { type: 'array', items: [{ anyOf: [pathEnum, { type: ['string', 'number'] }] }] }],
  };
  if (seesPrevious(context)) {
    properties.changed = { description: 'Whether the named field differs from its previous value.', anyOf: [{ enum: fields }, { type: 'string' }] };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    definitions: {
      expr: {
        anyOf: [{ type: ['string', 'number', 'boolean', 'null'] }, { type: 'array', items: expr }, { type: 'object', properties }],
      },
    },
    ...expr,
  };
}
