import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import { derivedDocument } from './testing/derived-fixture.js';
import { salesDocument } from './testing/fixtures.js';
import type { MetadataDocument } from './types.js';

const plan = (from: MetadataDocument, to: MetadataDocument) => planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 3 });
const recomputed = (p: ReturnType<typeof plan>) => p.steps.filter((s) => s.kind === 'recomputeField').map((s) => `${s.entity}.${s.field}`);

describe('planMigration: formula and roll-up values', () => {
  it('adds the columns of new derived fields and computes them for existing records, dependencies first, after all DDL', () => {
    const from = salesDocument();
    from.entities.company!.fields.opportunities = { type: 'relation', label: 'Opportunities', target: 'opportunity', cardinality: 'oneToMany', inverse: 'company' };
    from.entities.opportunity!.fields.company!.inverse = 'opportunities';
    const p = plan(from, derivedDocument());
    expect(p.problems).toEqual([]);
    expect(p.steps.find((s) => s.field === 'weighted')).toMatchObject({
      kind: 'addColumn',
      sql: ['ALTER TABLE "main"."opportunity" ADD COLUMN "weighted" numeric(18,2)'],
    });
    expect(p.steps.find((s) => s.field === 'nextClose')?.sql).toEqual(['ALTER TABLE "main"."company" ADD COLUMN "next_close" date']);
    const order = recomputed(p);
    expect(order.sort()).toEqual(['company.nextClose', 'company.openCount', 'company.pipeline', 'company.share', 'opportunity.companySize', 'opportunity.weighted', 'tag.dealCount'].sort());
    const ids = p.steps.map((s) => `${s.kind} ${s.entity}.${s.field}`);
    expect(ids.indexOf('recomputeField opportunity.weighted')).toBeLessThan(ids.indexOf('recomputeField company.pipeline'));
    expect(ids.indexOf('recomputeField company.pipeline')).toBeLessThan(ids.indexOf('recomputeField company.share'));
    expect(p.steps.slice(-order.length).every((s) => s.kind === 'recomputeField' && s.sql.length === 0 && !s.destructive)).toBe(true);
    expect(p.steps.find((s) => s.kind === 'recomputeField' && s.field === 'weighted')!.description).toBe(
      'Compute formula opportunity.weighted for every existing record (new field)',
    );
  });

  it('computes nothing for the derived fields of a new (empty) table, nor when nothing they read changes', () => {
    expect(recomputed(plan({ entities: {} }, derivedDocument()))).toEqual([]);
    const to = derivedDocument();
    to.entities.company!.fields.share!.label = 'Share';
    expect(recomputed(plan(derivedDocument(), to))).toEqual([]);
    expect(plan(derivedDocument(), to).steps.map((s) => s.kind)).toEqual(['metadataOnly']);
  });

  it('recomputes a changed formula and what reads it; a new result type changes the column', () => {
    const to = derivedDocument();
    to.entities.opportunity!.fields.weighted!.expression = { '*': [{ var: 'record.amount.amount' }, 0.5] };
    expect(recomputed(plan(derivedDocument(), to))).toEqual(['opportunity.weighted', 'company.pipeline', 'company.share']);
    const p = plan(derivedDocument(), to);
    expect(p.steps.some((s) => s.kind === 'metadataOnly' && s.field === 'weighted')).toBe(false);
    expect(p.steps.find((s) => s.field === 'pipeline')!.description).toBe(
      'Compute roll-up company.pipeline for every existing record (it reads opportunity.weighted, which changes)',
    );
    const typed = derivedDocument();
    typed.entities.opportunity!.fields.companySize!.resultType = 'text';
    const retyped = plan(derivedDocument(), typed);
    expect(retyped.steps.find((s) => s.kind === 'alterColumnType')).toMatchObject({
      description: 'Change the result type of opportunity.companySize from integer to text (values computed again)',
      destructive: false,
      sql: ['ALTER TABLE "main"."opportunity" ALTER COLUMN "company_size" TYPE text USING NULL'],
    });
    expect(recomputed(retyped)).toEqual(['opportunity.companySize']);
  });

  it('recomputes a roll-up whose filter or aggregate changes, and the formulas that read a retyped field', () => {
    const to = derivedDocument();
    to.entities.company!.fields.openCount!.filter = { '==': [{ var: 'record.stage' }, 'new'] };
    to.entities.company!.fields.employees!.type = 'decimal';
    expect(recomputed(plan(derivedDocument(), to)).sort()).toEqual(['company.openCount', 'company.share', 'opportunity.companySize'].sort());
  });
});
