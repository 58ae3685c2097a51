/**
 * Resolution of `var` paths against the rule context `{ record, previous, user, now }` of one entity:
 * `record.<field>` (or a system field), `record.<manyToOne>.<field of its target>` where related records are
 * reachable, `record.<currency>.amount|currency`, the same under `previous`, `user.<property>` (USER_PROPERTIES),
 * `user.attributes.<key>`, `now`.
 */
import { isRecord } from '../problems.js';
import type { EntityDefinition, FieldDefinition, MetadataDocument } from '../types.js';
import { fieldLogicType, fieldSubValues, SYSTEM_FIELD_TYPES, USER_PROPERTIES } from './field-logic-type.js';
import type { LogicType } from './operations.js';
import { didYouMean } from './suggest.js';

export type ContextRoot = 'record' | 'previous' | 'user' | 'now';
export const CONTEXT_ROOTS: readonly ContextRoot[] = ['record', 'previous', 'user', 'now'];

/** Where an expression is evaluated: which entity `record` is, and what it may reach. */
export interface AnalysisScope {
  doc: MetadataDocument;
  /** The entity whose records `record` and `previous` are. */
  entity: string;
  /** Roots of the context available here (default: all four). */
  roots?: readonly ContextRoot[];
  /** Whether fields of manyToOne targets are reachable (`record.company.employees`); default false. */
  related?: boolean;
  /** What the expression is, for messages, e.g. "a view filter" (default "this expression"). */
  what?: string;
  /** Why a root is not available here, where the general reason (WHY_NOT) does not fit. */
  whyNot?: Partial<Record<ContextRoot, string>>;
  /**
   * Roots beyond the rule context's, each with its own resolver (workflows: `trigger`, `steps`). They name
   * no field of a record, so they give no reference.
   */
  extraRoots?: Readonly<Record<string, (segments: string[], full: string) => ResolvedPath>>;
  /** The context in messages, e.g. "the workflow context" (default "the rule context"). */
  contextName?: string;
}

/** A value of the context an expression reads: `{ root: 'record', path: ['company', 'employees'] }`. */
export interface ContextReference {
  root: ContextRoot;
  path: string[];
}

export interface PathProblem {
  code: 'unknown-variable' | 'variable-not-allowed' | 'unknown-field' | 'invalid-field-path' | 'unknown-step' | 'step-not-earlier';
  message: string;
  /** For unknown-field: the entity and the field name that does not exist there. */
  entity?: string;
  field?: string;
}

export interface ResolvedPath {
  type: LogicType;
  /** The field the path names (without a sub-value such as `.amount`), when it names one. */
  field?: FieldDefinition;
  reference?: ContextReference;
  problem?: PathProblem;
}

const WHY_NOT: Record<ContextRoot, string> = {
  record: 'there is no record here',
  previous: 'only validation rules and form conditions see the record as it was before the change',
  user: 'the value is stored or shared, so it cannot depend on who is asking',
  now: 'the value is stored, so it cannot depend on the time it is read',
};

const fieldsOf = (doc: MetadataDocument, entity: string): Record<string, FieldDefinition> | undefined => {
  const def: EntityDefinition | undefined = isRecord(doc.entities) ? doc.entities[entity] : undefined;
  return isRecord(def) && isRecord(def.fields) ? def.fields : undefined;
};

const fieldAt = (fields: Record<string, FieldDefinition>, name: string): FieldDefinition | undefined => {
  const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
  return isRecord(field) && typeof field.type === 'string' ? field : undefined;
};

const tooDeep = (full: string): PathProblem => ({
  code: 'invalid-field-path',
  message: `"${full}" goes too deep: only one manyToOne relation can be followed, as in record.company.name`,
});

/** Type of `names[0]` (and a currency sub-value `names[1]`) on an entity; a problem when it does not exist. */
function resolveField(fields: Record<string, FieldDefinition>, entity: string, names: string[], full: string, followed: boolean): ResolvedPath {
  const [name, sub] = names as [string, string | undefined];
  if (Object.hasOwn(SYSTEM_FIELD_TYPES, name)) {
    if (sub === undefined) return { type: SYSTEM_FIELD_TYPES[name]! };
    return { type: 'any', problem: { code: 'invalid-field-path', message: `"${full}": ${name} is a system field and has no "${sub}"` } };
  }
  const field = fieldAt(fields, name);
  if (!field) {
    if (Object.hasOwn(fields, name)) return { type: 'any' }; // broken field definition: reported by the schema
    const hint = didYouMean(name, [...Object.keys(fields), ...Object.keys(SYSTEM_FIELD_TYPES)]);
    return { type: 'any', problem: { code: 'unknown-field', message: `"${full}": ${entity} has no field "${name}"${hint}`, entity, field: name } };
  }
  if (sub === undefined) return { type: fieldLogicType(field), field };
  if (field.type === 'relation') {
    if (followed || field.cardinality === 'manyToOne') return { type: 'any', problem: tooDeep(full) };
    return { type: 'any', problem: { code: 'invalid-field-path', message: `"${full}": ${entity}.${name} is a ${field.cardinality} relation; only manyToOne relations can be followed (use a roll-up field to aggregate ${name})` } };
  }
  const subValues = fieldSubValues(field);
  if (subValues && Object.hasOwn(subValues, sub) && names.length === 2) return { type: subValues[sub]! };
  if (subValues && Object.hasOwn(subValues, sub)) return { type: 'any', problem: tooDeep(full) };
  const offer = subValues ? ` (it has ${Object.keys(subValues).join(' and ')})` : '';
  return { type: 'any', problem: { code: 'invalid-field-path', message: `"${full}": ${entity}.${name} is a ${field.type} field and has no "${sub}"${offer}` } };
}

function resolveRecordPath(scope: AnalysisScope, segments: string[], full: string): ResolvedPath {
  const fields = fieldsOf(scope.doc, scope.entity);
  const [root, first] = segments as [string, string | undefined];
  if (first === undefined || first === '') {
    return { type: 'any', problem: { code: 'unknown-variable', message: `"${full}" needs a field: write ${root}.<field>, e.g. ${root}.${Object.keys(fields ?? {})[0] ?? 'name'}` } };
  }
  if (!fields) return { type: 'any' };
  const field = fieldAt(fields, first);
  const rest = segments.slice(2);
  if (field?.type !== 'relation' || field.cardinality !== 'manyToOne' || rest.length === 0) {
    return resolveField(fields, scope.entity, segments.slice(1), full, false);
  }
  if (!scope.related) {
    const message = `"${full}" reads a field of the related ${field.target} record, which ${scope.what ?? 'this expression'} cannot do; use ${root}.${first} (its id), or a validation rule or formula`;
    return { type: 'any', problem: { code: 'invalid-field-path', message } };
  }
  const target = typeof field.target === 'string' ? field.target : '';
  const targetFields = fieldsOf(scope.doc, target);
  if (!targetFields) return { type: 'any' }; // a dangling target is reported by the relation checks
  return resolveField(targetFields, target, rest, full, true);
}

/** Resolves a dotted `var` path in `scope`. */
export function resolveVarPath(path: string, scope: AnalysisScope): ResolvedPath {
  const segments = path.split('.');
  const root = segments[0]!;
  const extra = scope.extraRoots && Object.hasOwn(scope.extraRoots, root) ? scope.extraRoots[root] : undefined;
  if (extra) return extra(segments, path);
  if (!(CONTEXT_ROOTS as readonly string[]).includes(root)) {
    const fields = fieldsOf(scope.doc, scope.entity) ?? {};
    const extras = Object.keys(scope.extraRoots ?? {});
    const hint = Object.hasOwn(fields, root) ? `; did you mean "record.${path}"?` : didYouMean(root, [...CONTEXT_ROOTS, ...extras], (r) => `${r}${path.slice(root.length)}`);
    const starts = ['record.', 'previous.', 'user.', 'now', ...extras.map((r) => `${r}.`)];
    const list = `${starts.slice(0, -1).join(', ')} or ${starts.at(-1)}`;
    return { type: 'any', problem: { code: 'unknown-variable', message: `"${path}" is not in ${scope.contextName ?? 'the rule context'}: paths start with ${list}${hint}` } };
  }
  const reference: ContextReference = { root: root as ContextRoot, path: segments.slice(1) };
  const allowed = scope.roots ?? CONTEXT_ROOTS;
  if (!allowed.includes(root as ContextRoot)) {
    const what = scope.what ?? 'this expression';
    const why = scope.whyNot?.[root as ContextRoot] ?? WHY_NOT[root as ContextRoot];
    const message = `"${path}": ${what} cannot use ${root} (${why}); it can use ${[...allowed, ...Object.keys(scope.extraRoots ?? {})].join(', ')}`;
    return { type: 'any', reference, problem: { code: 'variable-not-allowed', message } };
  }
  if (root === 'now') {
    if (segments.length === 1) return { type: 'dateTime', reference };
    return { type: 'any', reference, problem: { code: 'unknown-variable', message: `"${path}": now is the current date-time (an ISO string) and has no properties` } };
  }
  if (root === 'user') {
    const property = segments[1] ?? '';
    if (segments.length === 2 && Object.hasOwn(USER_PROPERTIES, property)) return { type: USER_PROPERTIES[property]!, reference };
    // Attributes are free key/values (any key may be unset on a given user): any key is accepted.
    if (property === 'attributes' && segments.length === 3 && segments[2] !== '') return { type: 'any', reference };
    const known = [...Object.keys(USER_PROPERTIES).map((p) => `user.${p}`), 'user.attributes.<key>'].join(', ');
    return { type: 'any', reference, problem: { code: 'unknown-variable', message: `"${path}" is not a property of the user: use ${known}` } };
  }
  return { ...resolveRecordPath(scope, segments, path), reference };
}
