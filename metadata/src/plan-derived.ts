/**
 * `recomputeField` steps: after the DDL, the values of formulas and roll-ups whose definition is new or changed —
 * or that read a field whose type or scale changed, or another derived field recomputed here — are computed again
 * for every existing record, in dependency order. Their `sql` is empty: the server computes the values (formulas
 * with the runtime's JSON Logic, roll-ups with one UPDATE per field) inside the publish transaction.
 */
import { DERIVATION_PROPERTIES, derivedFieldOrder, formulaDependencies, isDerivedField, rollupSource } from './derived-fields.js';
import type { PlanContext } from './plan-context.js';
import type { FieldDefinition, MetadataDocument } from './types.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `entity.field` keys of the fields (of any type) that `entity.field` (derived) reads. */
function inputsOf(doc: MetadataDocument, entity: string, field: string): string[] {
  const def = doc.entities[entity]!.fields[field]!;
  if (def.type === 'formula') {
    const deps = formulaDependencies(doc, entity, field);
    return [...deps.own.map((f) => `${entity}.${f}`), ...deps.related.flatMap((r) => [`${entity}.${r.relation}`, ...r.fields.map((f) => `${r.target}.${f}`)])];
  }
  const source = rollupSource(doc, entity, field);
  if (!source) return [];
  return [`${entity}.${field}`, ...source.fields.map((f) => `${source.target}.${f}`), ...(source.inverse ? [`${source.target}.${source.inverse}`] : [])];
}

type Why = 'new' | 'changed' | string;

/** Why each field of `to` needs its values computed again (key `entity.field`), before closing over dependencies. */
function seeds(ctx: PlanContext): Map<string, Why> {
  const why = new Map<string, Why>();
  const restoredTables = new Set(ctx.steps.get('create')!.filter((s) => s.kind !== 'createTable').map((s) => s.entity));
  for (const [entity, field, def] of ctx.newFields()) {
    if (!isDerivedField(def)) continue;
    if (ctx.addedEntities.has(entity) && !restoredTables.has(entity)) continue; // a new, empty table
    why.set(`${entity}.${field}`, 'new');
  }
  for (const [entity] of ctx.persistingEntities()) {
    for (const [field, , a, b] of ctx.persistingFields(entity)) {
      const changed = (p: string) => !same((a as unknown as Record<string, unknown>)[p], (b as unknown as Record<string, unknown>)[p]);
      if (isDerivedField(b) && DERIVATION_PROPERTIES.some(changed)) why.set(`${entity}.${field}`, 'changed');
      // A plain field whose stored values may have changed: what reads it is recomputed (below).
      else if (!isDerivedField(b) && (changed('type') || changed('scale'))) why.set(`${entity}.${field}`, 'input');
    }
  }
  return why;
}

const describe = (def: FieldDefinition, entity: string, field: string, why: Why): string => {
  const what = `${def.type === 'formula' ? 'formula' : 'roll-up'} ${entity}.${field}`;
  const reason = why === 'new' ? 'new field' : why === 'changed' ? 'its definition changed' : `it reads ${why}, which changes`;
  return `Compute ${what} for every existing record (${reason})`;
};

export function planDerivedRecompute(ctx: PlanContext): void {
  const why = seeds(ctx);
  if (why.size === 0) return;
  for (const { entity, field } of derivedFieldOrder(ctx.to)) {
    const k = `${entity}.${field}`;
    let reason = why.get(k);
    if (reason === undefined || reason === 'input') {
      const input = inputsOf(ctx.to, entity, field).find((i) => i !== k && why.has(i));
      if (input === undefined) continue;
      reason = input;
      why.set(k, reason);
    }
    const def = ctx.to.entities[entity]!.fields[field]!;
    ctx.add('derived', { kind: 'recomputeField', entity, field, description: describe(def, entity, field, reason), destructive: false, sql: [] });
  }
}
