import { validateDocument } from '../validate-document.js';
import type { MetadataDocument } from '../types.js';
import { OWN, rolesDocument } from './roles.fixture.js';

const problemsAfter = (mutate: (doc: MetadataDocument) => void) => {
  const doc = rolesDocument();
  mutate(doc);
  return validateDocument(doc);
};
const rep = (doc: MetadataDocument) => doc.roles!.salesRep!;

describe('validateDocument: roles', () => {
  it('accepts roles with scopes over record and user, field access and capabilities', () => {
    expect(validateDocument(rolesDocument())).toEqual([]);
    expect(
      problemsAfter((d) => {
        rep(d).manageUsers = true;
        rep(d).entities!.contact = { read: { in: [{ var: 'record.team' }, { var: 'user.teams' }] }, fields: { email: 'hidden', owner: 'readOnly' } };
        rep(d).entities!.company = { read: { '==': [{ var: 'record.industry' }, { var: 'user.attributes.industry' }] } };
      }),
    ).toEqual([]);
  });

  it('refuses the reserved name admin and names that are not identifiers', () => {
    const problems = problemsAfter((d) => {
      d.roles!.admin = { label: 'Mine' };
      d.roles!['Sales Rep'] = { label: 'X' };
    });
    expect(problems).toEqual([
      expect.objectContaining({ path: '/roles/Sales Rep', code: 'invalid-name' }),
      { path: '/roles/admin', code: 'reserved-role-name', message: expect.stringContaining('"admin" is reserved for the built-in role') },
    ]);
  });

  it('requires a label', () => {
    const problems = problemsAfter((d) => {
      delete (rep(d) as { label?: string }).label;
    });
    expect(problems).toEqual([expect.objectContaining({ path: '/roles/salesRep/label', code: 'required' })]);
    expect(problems[0]!.message).toMatch(/^Role salesRep is missing "label"/);
  });

  it('reports an unknown entity with a suggestion, and how to remove it', () => {
    const [problem] = problemsAfter((d) => (rep(d).entities!.oportunity = { read: true }));
    expect(problem).toEqual({
      path: '/roles/salesRep/entities/oportunity',
      code: 'unknown-entity',
      message: expect.stringContaining('Role Sales rep (salesRep) gives permissions on entity "oportunity", which does not exist; did you mean "opportunity"?'),
    });
    expect(problem!.message).toContain('withoutReferencesTo(doc, "oportunity")');
  });

  it('tells how to follow an entity rename', () => {
    const [problem] = problemsAfter((d) => {
      d.entities.deal = { ...d.entities.opportunity!, renamedFrom: 'opportunity', plural: 'deals' };
      delete d.entities.opportunity;
      d.entities.company!.fields.opportunities = { type: 'relation', label: 'Deals', target: 'deal', cardinality: 'oneToMany', inverse: 'company' };
      d.entities.tag!.fields.opportunities!.target = 'deal';
    }).filter((p) => p.path.startsWith('/roles'));
    expect(problem).toMatchObject({ path: '/roles/salesRep/entities/opportunity', code: 'unknown-entity' });
    expect(problem!.message).toContain('renameEntityInRoles(doc, "opportunity", "deal")');
  });

  it('reports unknown fields in field access and scopes, listing every use', () => {
    const problems = problemsAfter((d) => {
      rep(d).entities!.opportunity!.fields = { amont: 'hidden' };
      rep(d).entities!.company!.read = { '==': [{ var: 'record.size' }, 1] };
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/roles/salesRep/entities/company/read/==/0/var', 'unknown-field'],
      ['/roles/salesRep/entities/opportunity/fields/amont', 'unknown-field'],
    ]);
    expect(problems[1]!.message).toBe(
      'Field amont of opportunity does not exist but is used by role salesRep (field access) — remove or change those first ' +
        '(withoutReferencesTo(doc, "opportunity", "amont") removes what roles say about it, as the studio does when you remove a field), or add the field; did you mean "amount"?',
    );
  });

  it('checks scopes as JSON Logic over record and user only, giving a condition', () => {
    const problems = problemsAfter((d) => {
      rep(d).entities!.company!.read = { '==': [{ var: 'previous.name' }, { var: 'now' }] };
      rep(d).entities!.opportunity!.delete = { var: 'user.nickname' };
      rep(d).entities!.opportunity!.update = { '+': [1, 2] };
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/roles/salesRep/entities/company/read/==/0/var', 'variable-not-allowed'],
      ['/roles/salesRep/entities/company/read/==/1/var', 'variable-not-allowed'],
      ['/roles/salesRep/entities/opportunity/delete/var', 'unknown-variable'],
      ['/roles/salesRep/entities/opportunity/update', 'wrong-result-type'],
    ]);
    expect(problems[0]!.message).toContain('a record scope of a role cannot use previous');
    expect(problems[1]!.message).toContain('must not change with the clock');
    expect(problems[2]!.message).toContain('user.attributes.<key>');
    expect(problems[3]!.message).toMatch(/^The update scope should be a condition/);
  });

  it('refuses a scope that is neither a boolean nor a condition', () => {
    const problems = problemsAfter((d) => ((rep(d).entities!.company as Record<string, unknown>).read = 'all'));
    expect(problems.map((p) => p.path)).toEqual(['/roles/salesRep/entities/company/read']);
  });

  it('refuses hiding id', () => {
    const problems = problemsAfter((d) => (rep(d).entities!.company!.fields = { id: 'hidden', createdBy: 'hidden' }));
    expect(problems).toEqual([expect.objectContaining({ path: '/roles/salesRep/entities/company/fields/id', code: 'id-hidden' })]);
  });

  it('refuses a role that may create but hides or locks a required field without default', () => {
    const problems = problemsAfter((d) => (rep(d).entities!.opportunity!.fields = { name: 'readOnly' }));
    expect(problems).toEqual([
      {
        path: '/roles/salesRep/entities/opportunity/fields/name',
        code: 'create-impossible',
        message:
          'Role Sales rep (salesRep) may create opportunities but makes the required field Name (name) read-only, and it has no default value, so the role could never create one — leave name editable for this role, give the field a default value, or remove create.',
      },
    ]);
    expect(problemsAfter((d) => {
      rep(d).entities!.opportunity!.fields = { name: 'hidden' };
      d.entities.opportunity!.fields.name!.defaultValue = 'New deal';
    })).toEqual([]);
    expect(problemsAfter((d) => (rep(d).entities!.company = { read: true, fields: { name: 'hidden' } }))).toEqual([]);
  });

  it('reports update, delete, transfer and field access granted without read', () => {
    const problems = problemsAfter((d) => (rep(d).entities!.contact = { update: OWN, delete: true, transfer: true, fields: { email: 'hidden' } }));
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/roles/salesRep/entities/contact/delete', 'grant-without-read'],
      ['/roles/salesRep/entities/contact/fields', 'grant-without-read'],
      ['/roles/salesRep/entities/contact/transfer', 'grant-without-read'],
      ['/roles/salesRep/entities/contact/update', 'grant-without-read'],
    ]);
    expect(problems[3]!.message).toBe(
      'Role Sales rep (salesRep) may update contacts but no read scope, so it applies to no record (a role cannot change what it cannot see) — add a read scope, or remove it.',
    );
    expect(problemsAfter((d) => (rep(d).entities!.contact = { create: true, fields: { email: 'hidden' } }))).toEqual([]);
  });

  it('reports a field removed while a role still names it, with how to fix', () => {
    const problems = problemsAfter((d) => delete d.entities.opportunity!.fields.amount);
    const role = problems.filter((p) => p.path.startsWith('/roles'));
    expect(role.map((p) => [p.path, p.code])).toEqual([
      ['/roles/salesRep/entities/opportunity/fields/amount', 'unknown-field'],
      ['/roles/salesRep/entities/opportunity/update/and/1/!=/0/var', 'unknown-field'],
    ]);
    expect(role[0]!.message).toContain('is used by role salesRep (field access), role salesRep (update)');
  });
});
