/**
 * Derived fields — formulas and roll-ups — and what their values depend on: the fields a formula reads (its own
 * record's, and one manyToOne level further), the related records and fields a roll-up aggregates. From that:
 * the order in which derived values must be computed (dependencies first), the cycles that would make them
 * endless, and the semantic checks of roll-ups. Pure: the server maintains the values from this description.
 */
import { valueTypeOf, findFieldType } from './field-types/registry.js';
import { ROLLUP_RESULT_TYPES } from './field-types/rollup.js';
import { entityEntries, fieldEntries, isRecord, pointer, type DocumentCheck, type Report } from './problems.js';
import { analyzeJsonLogic } from './rules/analyze.js';
import { DanglingMessages } from './rules/dangling.js';
import { expressionScope } from './rules/expression-sites.js';
import type { FieldDefinition, MetadataDocument } from './types.js';

export const DERIVED_FIELD_TYPES: readonly string[] = ['formula', 'rollup'];
export const isDerivedField = (field: FieldDefinition | undefined): boolean => field !== undefined && DERIVED_FIELD_TYPES.includes(field.type);

/** Properties whose change changes a derived field's values (the plan recomputes it then). */
export const DERIVATION_PROPERTIES: readonly string[] = ['type', 'expression', 'resultType', 'scale', 'relation', 'aggregate', 'aggregateField', 'filter'];

export interface FormulaDependencies {
  /** Fields of the formula's own record it reads (system fields included; a manyToOne read as its id). */
  own: string[];
  /** manyToOne relations read through (`record.company.employees`), with the fields read on the related record. */
  related: { relation: string; target: string; fields: string[] }[];
}

const uniq = (values: string[]): string[] => [...new Set(values)];

/** What formula `entity.field` reads. */
export function formulaDependencies(doc: MetadataDocument, entity: string, field: string): FormulaDependencies {
  const def = doc.entities[entity]!.fields[field]!;
  const fields = doc.entities[entity]!.fields;
  const { references } = analyzeJsonLogic(def.expression, expressionScope(doc, entity, 'formula'));
  const own: string[] = [];
  const related = new Map<string, { relation: string; target: string; fields: string[] }>();
  for (const ref of references) {
    if (ref.root !== 'record' || ref.path.length === 0) continue;
    const [first, second] = ref.path as [string, string | undefined];
    const relation = Object.hasOwn(fields, first) ? fields[first] : undefined;
    if (second !== undefined && relation?.type === 'relation' && relation.cardinality === 'manyToOne' && typeof relation.target === 'string') {
      if (!related.has(first)) related.set(first, { relation: first, target: relation.target, fields: [] });
      related.get(first)!.fields.push(second);
    } else {
      own.push(first);
    }
  }
  return { own: uniq(own), related: [...related.values()].map((r) => ({ ...r, fields: uniq(r.fields) })) };
}

export interface RollupSource {
  /** The oneToMany or manyToMany field of the roll-up's entity. */
  relation: string;
  cardinality: 'oneToMany' | 'manyToMany';
  /** The related (aggregated) entity. */
  target: string;
  /** The field of `target` on the other side: the manyToOne pointing back (oneToMany), or the manyToMany inverse if any. */
  inverse: string | undefined;
  /** Fields of the related records the value depends on: the aggregated field and those the filter reads. */
  fields: string[];
}

/** Where roll-up `entity.field` takes its records from; undefined when its relation does not resolve to a toMany relation. */
export function rollupSource(doc: MetadataDocument, entity: string, field: string): RollupSource | undefined {
  const def = doc.entities[entity]?.fields[field];
  const relation = typeof def?.relation === 'string' ? doc.entities[entity]!.fields[def.relation] : undefined;
  if (!def || !isRecord(relation) || relation.type !== 'relation') return undefined;
  if (relation.cardinality !== 'oneToMany' && relation.cardinality !== 'manyToMany') return undefined;
  const target = relation.target;
  if (typeof target !== 'string' || !isRecord(doc.entities[target])) return undefined;
  const fields: string[] = [];
  if (typeof def.aggregateField === 'string') fields.push(def.aggregateField);
  if (def.filter !== undefined) {
    const { references } = analyzeJsonLogic(def.filter, expressionScope(doc, target, 'rollupFilter'));
    for (const ref of references) if (ref.root === 'record' && ref.path[0] !== undefined) fields.push(ref.path[0]);
  }
  const inverse = typeof relation.inverse === 'string' && doc.entities[target]!.fields[relation.inverse] ? relation.inverse : undefined;
  return { relation: def.relation!, cardinality: relation.cardinality, target, inverse, fields: uniq(fields) };
}

export interface DerivedFieldRef {
  entity: string;
  field: string;
}

const key = (entity: string, field: string) => `${entity}.${field}`;

/** The derived fields `entity.field` depends on directly (as `entity.field` keys), in document terms. */
function derivedInputs(doc: MetadataDocument, entity: string, field: string): string[] {
  const def = doc.entities[entity]!.fields[field]!;
  const inputs: string[] = [];
  const add = (e: string, f: string) => {
    if (isDerivedField(doc.entities[e]?.fields[f])) inputs.push(key(e, f));
  };
  if (def.type === 'formula') {
    const deps = formulaDependencies(doc, entity, field);
    for (const f of deps.own) add(entity, f);
    for (const r of deps.related) for (const f of r.fields) add(r.target, f);
  } else if (def.type === 'rollup') {
    const source = rollupSource(doc, entity, field);
    for (const f of source?.fields ?? []) add(source!.target, f);
  }
  return inputs;
}

interface DerivedGraph {
  order: DerivedFieldRef[];
  cycles: string[][];
}

/** Built on each call (documents under edit change between calls); callers with a fixed document cache the result. */
function derivedGraph(doc: MetadataDocument): DerivedGraph {
  const nodes = new Map<string, DerivedFieldRef>();
  for (const [entity, def] of entityEntries(doc)) {
    for (const [field, f] of fieldEntries(def)) if (isDerivedField(f)) nodes.set(key(entity, field), { entity, field });
  }
  const inputs = new Map<string, string[]>();
  for (const [k, { entity, field }] of nodes) {
    try {
      inputs.set(k, derivedInputs(doc, entity, field));
    } catch {
      inputs.set(k, []); // a broken definition: reported by the other checks
    }
  }
  const order: DerivedFieldRef[] = [];
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (k: string) => {
    if (state.get(k) === 'done') return;
    if (state.get(k) === 'visiting') {
      cycles.push([...stack.slice(stack.indexOf(k)), k]);
      return;
    }
    state.set(k, 'visiting');
    stack.push(k);
    for (const input of inputs.get(k) ?? []) visit(input);
    stack.pop();
    state.set(k, 'done');
    order.push(nodes.get(k)!);
  };
  for (const k of nodes.keys()) visit(k);
  return { order, cycles };
}

/**
 * Every derived field of `doc` in the order their values must be computed: a field comes after the derived fields
 * it reads (a child's formula before the parent's roll-up over it, a roll-up before the formula reading it).
 */
export function derivedFieldOrder(doc: MetadataDocument): DerivedFieldRef[] {
  return derivedGraph(doc).order;
}

/** Kinds of fields an aggregate accepts, by value type: sum / avg need numbers, min / max also take dates. */
const NUMBER_VALUES = new Set(['integer', 'decimal', 'percent', 'currency', 'rating', 'duration']);
const DATE_VALUES = new Set(['date', 'dateTime']);
const SYSTEM_VALUE_TYPES: Record<string, string> = { createdAt: 'dateTime', updatedAt: 'dateTime' };

function aggregatedValueType(doc: MetadataDocument, target: string, field: string): string | undefined {
  if (Object.hasOwn(SYSTEM_VALUE_TYPES, field)) return SYSTEM_VALUE_TYPES[field];
  const def = doc.entities[target]?.fields[field];
  if (!isRecord(def) || !findFieldType(def.type)) return undefined;
  return valueTypeOf(def).name;
}

const checkRollup = (doc: MetadataDocument, entity: string, name: string, field: FieldDefinition, report: Report, dangling: DanglingMessages) => {
  const base = ['entities', entity, 'fields', name];
  const label = `Roll-up ${entity}.${name}`;
  if (typeof field.relation !== 'string') return;
  const relation = doc.entities[entity]!.fields[field.relation];
  if (!isRecord(relation)) {
    report(pointer(...base, 'relation'), 'unknown-field', dangling.message(entity, field.relation));
    return;
  }
  const source = rollupSource(doc, entity, name);
  if (!source) {
    const what = relation.type === 'relation' ? `a ${relation.cardinality} relation` : `a ${relation.type} field`;
    report(pointer(...base, 'relation'), 'rollup-relation-invalid', `${label} aggregates "${field.relation}", which is ${what}; name a oneToMany or manyToMany relation field of ${entity}.`);
    return;
  }
  const aggregate = field.aggregate;
  if (aggregate === undefined || aggregate === 'count' || typeof field.aggregateField !== 'string') return;
  const path = pointer(...base, 'aggregateField');
  const target = doc.entities[source.target]!;
  if (!Object.hasOwn(SYSTEM_VALUE_TYPES, field.aggregateField) && !isRecord(target.fields[field.aggregateField])) {
    report(path, 'unknown-field', dangling.message(source.target, field.aggregateField));
    return;
  }
  const valueType = aggregatedValueType(doc, source.target, field.aggregateField);
  const dates = aggregate === 'min' || aggregate === 'max';
  const fieldType = target.fields[field.aggregateField]?.type ?? valueType;
  if (valueType === undefined || !(NUMBER_VALUES.has(valueType) || (dates && DATE_VALUES.has(valueType)))) {
    const wanted = dates ? 'a number, currency, date or date-time field' : 'a number or currency field';
    report(path, 'rollup-aggregate-field-invalid', `${label}: ${aggregate} needs ${wanted}, but ${source.target}.${field.aggregateField} is a ${fieldType} field.`);
    return;
  }
  const resultType = field.resultType ?? ROLLUP_RESULT_TYPES[aggregate][0];
  const expected = DATE_VALUES.has(valueType) ? valueType : 'decimal';
  if (resultType !== expected && (ROLLUP_RESULT_TYPES[aggregate] as readonly string[]).includes(resultType)) {
    const fix = expected === 'decimal' ? 'remove "resultType" (or set it to decimal)' : `set "resultType": "${expected}"`;
    report(pointer(...base, 'resultType'), 'rollup-result-type-mismatch', `${label}: the ${aggregate} of ${source.target}.${field.aggregateField} (${fieldType}) is a ${expected === 'decimal' ? 'number' : expected}; ${fix}.`);
  }
};

/** A formula may read stored values only: not the records of a oneToMany relation (that is what roll-ups are for). */
function checkFormulaReads(doc: MetadataDocument, entity: string, name: string, report: Report): void {
  const deps = formulaDependencies(doc, entity, name);
  const path = pointer('entities', entity, 'fields', name, 'expression');
  const fields = doc.entities[entity]!.fields;
  for (const f of deps.own) {
    const def = Object.hasOwn(fields, f) ? fields[f] : undefined;
    if (def?.type === 'relation' && def.cardinality === 'oneToMany') {
      report(path, 'formula-reads-to-many', `Formula ${entity}.${name} reads record.${f}, the ${def.target} records pointing here; a formula reads one record's values — add a roll-up field over ${f} and read that.`);
    }
  }
  for (const r of deps.related) {
    for (const f of r.fields) {
      const def = doc.entities[r.target]?.fields[f];
      if (def?.type === 'relation' && def.cardinality !== 'manyToOne') {
        report(path, 'formula-reads-to-many', `Formula ${entity}.${name} reads record.${r.relation}.${f}, a list of related records of the ${r.target} record; a formula reads only values stored on it (add a roll-up on ${r.target}).`);
      }
    }
  }
}

/** Semantic check of derived fields: roll-up relations and aggregated fields, formula reads, and no cycles. */
export const checkDerivedFields: DocumentCheck = (doc, report) => {
  const dangling = new DanglingMessages(doc);
  for (const [entity, def] of entityEntries(doc)) {
    for (const [name, field] of fieldEntries(def)) {
      if (field.type === 'rollup') checkRollup(doc, entity, name, field, report, dangling);
      if (field.type === 'formula' && field.expression !== undefined) {
        try {
          checkFormulaReads(doc, entity, name, report);
        } catch {
          // A malformed expression: reported by the expression checks.
        }
      }
    }
  }
  for (const cycle of derivedGraph(doc).cycles) {
    const [entity, field] = cycle[0]!.split('.') as [string, string];
    report(
      pointer('entities', entity, 'fields', field),
      'derived-field-cycle',
      `Field ${cycle[0]} depends on itself through ${cycle.join(' → ')}: a formula or roll-up cannot read its own value; remove one of these references.`,
    );
  }
};
