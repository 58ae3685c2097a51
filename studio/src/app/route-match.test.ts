import { matchPattern, matchRoute } from './route-match.js';

describe('route matching', () => {
  it('matches literal segments and captures :params', () => {
    expect(matchPattern('data/:entity/:id', ['data', 'company', '42'])).toEqual({ entity: 'company', id: '42' });
    expect(matchPattern('admin/users', ['admin', 'users'])).toEqual({});
    expect(matchPattern('admin/users', ['admin', 'teams'])).toBeNull();
  });

  it('needs the same number of segments', () => {
    expect(matchPattern('data/:entity', ['data', 'company', '42'])).toBeNull();
    expect(matchPattern('data/:entity/:id', ['data', 'company'])).toBeNull();
  });

  it('takes the first matching line, so literal routes listed first win over params', () => {
    const table = [{ path: 'data/:entity/new', name: 'new' }, { path: 'data/:entity/:id', name: 'record' }];
    expect(matchRoute(table, ['data', 'company', 'new'])?.entry.name).toBe('new');
    expect(matchRoute(table, ['data', 'company', '7'])?.entry.name).toBe('record');
    expect(matchRoute(table, ['nope'])).toBeNull();
  });
});
