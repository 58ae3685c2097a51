import type { MetadataDocument } from '../types.js';
import { validateDocument } from '../validate-document.js';
import { findReferences } from './references.js';
import { rewriteReferences, rewriteRenamedReferences } from './rewrite.js';
import { ensureComputedFieldTypes, rulesDocument } from './rules-document.fixture.js';

ensureComputedFieldTypes();

/** Renames a field's key in place, keeping its position, with `renamedFrom` (what the studio's rename does). */
function renameKey(doc: MetadataDocument, entity: string, from: string, to: string): MetadataDocument {
  const next = structuredClone(doc);
  const def = next.entities[entity]!;
  def.fields = Object.fromEntries(Object.entries(def.fields).map(([k, f]) => (k === from ? [to, { ...f, renamedFrom: from }] : [k, f])));
  return next;
}

describe('rewriteReferences', () => {
  it('rewrites every use of a field in its entity: expressions, messages, rule fields, layouts, conditions, views', () => {
    const before = rulesDocument();
    const after = rewriteReferences(renameKey(before, 'opportunity', 'closeDate', 'expectedClose'), 'opportunity', 'closeDate', 'expectedClose');
    const opp = after.entities.opportunity!;
    expect(opp.rules!.closeDateWhenWon!.invalidWhen).toEqual({ and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { '!': { var: 'record.expectedClose' } }] });
    expect(opp.rules!.closeDateWhenWon!.fields).toEqual(['expectedClose']);
    expect(opp.layouts!.form!.sections[0]!.fields).toEqual(['name', 'amount', 'stage', 'expectedClose', 'company']);
    expect(Object.keys(opp.layouts!.form!.conditions!)).toEqual(['expectedClose', 'probability']);
    expect(opp.layouts!.list).toEqual({ columns: ['name', 'stage', 'expectedClose'], sort: [{ field: 'expectedClose', direction: 'desc' }] });
    expect(opp.views!.myOpenDeals!.columns).toEqual(['name', 'expectedClose']);
    expect(findReferences(after, 'opportunity', 'closeDate')).toEqual([]);
    expect(validateDocument(after)).toEqual([]);
    expect(before.entities.opportunity!.rules!.closeDateWhenWon!.fields).toEqual(['closeDate']); // not mutated
  });

  it('rewrites previous, changed and message placeholders', () => {
    const after = rewriteReferences(renameKey(rulesDocument(), 'opportunity', 'stage', 'phase'), 'opportunity', 'stage', 'phase');
    const rule = after.entities.opportunity!.rules!.noReopen!;
    expect(rule.invalidWhen).toEqual({ and: [{ '==': [{ var: 'previous.phase' }, 'won'] }, { changed: 'phase' }] });
    expect(rule.message).toBe('A won opportunity stays won (was {{previous.phase}})');
    expect(rule.fields).toEqual(['phase']);
    expect(after.entities.opportunity!.views!.myOpenDeals!.filter).toEqual({
      and: [{ '==': [{ var: 'record.createdBy' }, { cat: ['user:', { var: 'user.id' }] }] }, { '!=': [{ var: 'record.phase' }, 'won'] }],
    });
    expect(after.entities.company!.fields.wonAmount!.filter).toEqual({ '==': [{ var: 'record.phase' }, 'won'] });
    expect(validateDocument(after)).toEqual([]);
  });

  it('rewrites uses from other entities, before or after the key is renamed', () => {
    for (const renameFirst of [true, false]) {
      let doc = rulesDocument();
      if (renameFirst) doc = renameKey(doc, 'company', 'employees', 'headcount');
      doc = rewriteReferences(doc, 'company', 'employees', 'headcount');
      if (!renameFirst) doc = renameKey(doc, 'company', 'employees', 'headcount');
      expect(doc.entities.opportunity!.fields.companyEmployees!.expression).toEqual({ var: 'record.company.headcount' });
      expect(doc.entities.opportunity!.rules!.bigDealsNeedBigCompany!.invalidWhen).toEqual({
        and: [{ '>': [{ var: 'record.amount.amount' }, 100000] }, { '<': [{ var: 'record.company.headcount' }, 10] }],
      });
      expect(doc.entities.company!.fields.size!.expression).toEqual({ if: [{ '>': [{ var: 'record.headcount' }, 100] }, 'large', 'small'] });
      expect(validateDocument(doc)).toEqual([]);
    }
  });

  it('rewrites a renamed relation: path steps, roll-up relations and inverses', () => {
    let doc = renameKey(rulesDocument(), 'opportunity', 'company', 'account');
    doc = rewriteReferences(doc, 'opportunity', 'company', 'account');
    expect(doc.entities.opportunity!.fields.companyEmployees!.expression).toEqual({ var: 'record.account.employees' });
    expect(doc.entities.company!.fields.opportunities!.inverse).toBe('account');
    expect(doc.entities.opportunity!.layouts!.form!.sections[0]!.fields).toContain('account');
    expect(validateDocument(doc)).toEqual([]);

    doc = rewriteReferences(renameKey(doc, 'company', 'opportunities', 'deals'), 'company', 'opportunities', 'deals');
    expect(doc.entities.company!.fields.wonAmount!.relation).toBe('deals');
    expect(doc.entities.opportunity!.fields.account!.inverse).toBe('deals');
    expect(validateDocument(doc)).toEqual([]);
  });

  it('leaves other fields with the same name alone', () => {
    const after = rewriteReferences(rulesDocument(), 'opportunity', 'name', 'title');
    expect(after.entities.company!.layouts!.form!.sections[0]!.fields[0]).toBe('name');
    expect(after.entities.company!.displayField).toBe('name');
    expect(after.entities.opportunity!.rules!.closeDateWhenWon!.message).toBe('Set a close date for {{record.title}} before marking it won');
  });
});

describe('rewriteRenamedReferences', () => {
  it('applies every renamedFrom whose old name is gone, and nothing else', () => {
    const doc = renameKey(rulesDocument(), 'opportunity', 'closeDate', 'expectedClose');
    expect(validateDocument(doc).length).toBeGreaterThan(0);
    const fixed = rewriteRenamedReferences(doc);
    expect(validateDocument(fixed)).toEqual([]);
    expect(rewriteRenamedReferences(fixed)).toEqual(fixed);
  });
});
