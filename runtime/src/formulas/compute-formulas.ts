/**
 * Formula fields computed with the runtime's JSON Logic (`evaluateRule`) — the same code for server writes,
 * publish backfills and the studio's live preview. A formula sees `{ record }`: the record's values after the
 * change, keyed by field name (a manyToOne is its id, a manyToMany the list of ids), and — for each manyToOne
 * the formula reads through (`record.company.employees`) — that relation replaced by the related record's values
 * (`record.company` = `{ id, name, employees, … }`, null when there is none). Formulas of one entity are
 * computed in dependency order, so one formula may read another. A formula that throws or gives a value its
 * result type cannot hold makes the write fail (fail closed) with `Formula "<label>" could not be evaluated: …`.
 */
import { derivedFieldOrder, formulaDependencies, type FieldDefinition, type MetadataDocument } from '@trellis/metadata';
import { formatFieldLabel } from '../field-label.js';
import { evaluateRule } from '../json-logic.js';
// Formulas use the same extra operations as rules (addDays, daysBetween, round, …), registered on import.
import '../rules/operations.js';
import type { FieldError } from '../translate-errors.js';
import { coerceFormulaValue, type FormulaValue } from './formula-value.js';

/** The `rule` of the field errors formulas produce. */
export const FORMULA_RULE = 'formula';

export interface CompiledFormula {
  name: string;
  label: string;
  def: FieldDefinition;
  /** manyToOne relations the formula reads through: replaced by the related record in its context. */
  expands: string[];
  /** Fields of its own record it reads. */
  reads: string[];
}

export interface EntityFormulas {
  /** In dependency order. */
  formulas: CompiledFormula[];
  /** manyToOne relations any formula reads through, with the fields read on the related record. */
  related: Map<string, { target: string; fields: Set<string> }>;
}

/** Related records by manyToOne field name (null: the relation is empty or the record does not exist). */
export type RelatedRecords = Record<string, Record<string, unknown> | null>;

export interface ComputedFormulas {
  values: Record<string, FormulaValue>;
  errors: FieldError[];
}

const cache = new WeakMap<MetadataDocument, Map<string, EntityFormulas>>();

/** The formulas of `entity`, compiled once per document object. */
export function entityFormulas(doc: MetadataDocument, entity: string): EntityFormulas {
  let perEntity = cache.get(doc);
  if (!perEntity) cache.set(doc, (perEntity = new Map()));
  let compiled = perEntity.get(entity);
  if (!compiled) {
    const formulas: CompiledFormula[] = [];
    const related = new Map<string, { target: string; fields: Set<string> }>();
    for (const ref of derivedFieldOrder(doc)) {
      if (ref.entity !== entity) continue;
      const def = doc.entities[entity]!.fields[ref.field]!;
      if (def.type !== 'formula') continue;
      const deps = formulaDependencies(doc, entity, ref.field);
      for (const r of deps.related) {
        if (!related.has(r.relation)) related.set(r.relation, { target: r.target, fields: new Set() });
        for (const f of r.fields) related.get(r.relation)!.fields.add(f);
      }
      formulas.push({ name: ref.field, label: formatFieldLabel(ref.field, def), def, expands: deps.related.map((r) => r.relation), reads: deps.own });
    }
    perEntity.set(entity, (compiled = { formulas, related }));
  }
  return compiled;
}

/** `Formula "Weighted amount" could not be evaluated: <reason>`. */
export function formulaFailedMessage(label: string, reason: unknown): string {
  const text = reason instanceof Error ? reason.message : String(reason);
  return `Formula "${label}" could not be evaluated: ${text}`;
}

/** The context one formula is evaluated in: the record with the relations it reads through expanded. */
export function formulaContext(formula: Pick<CompiledFormula, 'expands'>, record: Record<string, unknown>, related: RelatedRecords = {}): { record: Record<string, unknown> } {
  if (formula.expands.length === 0) return { record };
  const expanded = { ...record };
  for (const relation of formula.expands) expanded[relation] = related[relation] ?? null;
  return { record: expanded };
}

/** Evaluates one formula: its coerced value, or an error message. */
export function evaluateFormula(formula: CompiledFormula, record: Record<string, unknown>, related?: RelatedRecords): { value: FormulaValue } | { error: string } {
  let raw: unknown;
  try {
    raw = evaluateRule(formula.def.expression, formulaContext(formula, record, related));
  } catch (error) {
    return { error: formulaFailedMessage(formula.label, error) };
  }
  const outcome = coerceFormulaValue(formula.def, raw);
  return outcome.ok ? { value: outcome.value } : { error: formulaFailedMessage(formula.label, outcome.reason) };
}

/**
 * Every formula of `entity` for `record` (its values after the change), in dependency order: each sees the
 * values computed before it. Returns the values and the errors (field = the formula, rule = `formula`).
 */
export function computeFormulas(doc: MetadataDocument, entity: string, record: Record<string, unknown>, related?: RelatedRecords): ComputedFormulas {
  const { formulas } = entityFormulas(doc, entity);
  const values: Record<string, FormulaValue> = {};
  const errors: FieldError[] = [];
  if (formulas.length === 0) return { values, errors };
  const current = { ...record };
  for (const formula of formulas) {
    const result = evaluateFormula(formula, current, related);
    if ('error' in result) {
      errors.push({ field: formula.name, message: result.error, rule: FORMULA_RULE });
      current[formula.name] = null;
      continue;
    }
    values[formula.name] = result.value;
    current[formula.name] = result.value;
  }
  return { values, errors };
}
