import { salesDocument } from './testing/fixtures.js';
import type { MetadataDocument } from './types.js';
import { validateDocument } from './validate-document.js';

const problemsAfter = (mutate: (doc: MetadataDocument) => void) => {
  const doc = salesDocument();
  mutate(doc);
  return validateDocument(doc);
};

describe('the owner and team system fields', () => {
  it('refuses a field named owner or team, and a field stored in their columns', () => {
    const problems = problemsAfter((d) => {
      d.entities.tag!.fields.owner = { type: 'text', label: 'Owner' };
      d.entities.tag!.fields.teamId = { type: 'text', label: 'Team id' };
    });
    expect(problems).toEqual([
      expect.objectContaining({ path: '/entities/tag/fields/owner', code: 'reserved-name', message: expect.stringContaining('a system field') }),
      {
        path: '/entities/tag/fields/teamId',
        code: 'sql-name-collision',
        message: 'Field tag.teamId is stored in column "team_id", which system field team already uses; rename one of the fields.',
      },
    ]);
  });

  it('may be list columns, sort keys, form fields and view columns', () => {
    expect(
      problemsAfter((d) => {
        d.entities.company!.layouts!.list = { columns: ['name', 'owner', 'team'], sort: [{ field: 'owner', direction: 'asc' }, { field: 'team', direction: 'asc' }] };
        d.entities.company!.layouts!.form!.sections[0]!.fields.push('owner', 'team');
        d.entities.company!.views = { mine: { label: 'Mine', filter: { '==': [{ var: 'record.owner' }, { var: 'user.id' }] }, columns: ['name', 'owner'], sort: [{ field: 'team', direction: 'desc' }] } };
      }),
    ).toEqual([]);
  });

  it('keeps the server-set system fields out of forms', () => {
    const problems = problemsAfter((d) => d.entities.company!.layouts!.form!.sections[0]!.fields.push('createdAt'));
    expect(problems.map((p) => p.code)).toEqual(['unknown-layout-field']);
  });

  it('lets rules read the acting user’s roles, teams, locale, time zone and attributes', () => {
    const invalidWhen = {
      and: [
        { in: ['guest', { var: 'user.roles' }] },
        { in: [{ var: 'record.team' }, { var: 'user.teams' }] },
        { '==': [{ var: 'user.locale' }, { var: 'user.timeZone' }] },
        { '==': [{ var: 'user.attributes.region' }, 'EMEA'] },
      ],
    };
    expect(problemsAfter((d) => (d.entities.company!.rules = { r: { invalidWhen, message: 'No' } }))).toEqual([]);
    const problems = problemsAfter((d) => (d.entities.company!.rules = { r: { invalidWhen: { '==': [{ var: 'user.attributes' }, { var: 'user.attributes.a.b' }] }, message: 'No' } }));
    expect(problems.map((p) => [p.path, p.code])).toEqual([['/entities/company/rules/r/invalidWhen/==/1/var', 'unknown-variable']]);
  });
});
