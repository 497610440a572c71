import { describe, expect, it } from 'vitest';
import { changedFields, listQuery } from './dataProvider.js';

describe('the data provider speaks CONTRACT.md', () => {
  it('puts paging, sorting and filters in the query string', () => {
    expect(
      listQuery({
        pagination: { page: 2, perPage: 25 },
        sort: { field: 'name', order: 'DESC' },
        filter: { organisationId: 'o1', q: '', role: ['reporter', 'admin'] },
      }),
    ).toBe('?page=2&perPage=25&sort=name&order=DESC&organisationId=o1&role=reporter&role=admin');
    expect(listQuery({ pagination: false })).toBe('');
  });

  it('sends only what changed, never id or version', () => {
    expect(
      changedFields(
        { id: 'u1', version: 3, displayName: 'Ny', roles: ['reporter'], email: 'a@b.se' },
        { id: 'u1', version: 3, displayName: 'Gammal', roles: ['reporter'], email: 'a@b.se' },
      ),
    ).toEqual({ displayName: 'Ny' });
  });
});
