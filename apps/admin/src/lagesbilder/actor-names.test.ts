import { listQuerySchema } from '@laget/contracts';
import { describe, expect, it } from 'vitest';
import { actorName, allPages, type PageRequest } from './actor-names.js';

const logins = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `u${i}`, displayName: `Person ${i}` }));

/** A users endpoint that refuses what the API refuses and pages like it. */
function usersEndpoint(all: { id: string; displayName: string }[], failOnPage?: number) {
  const requests: PageRequest[] = [];
  const fetchPage = async (request: PageRequest) => {
    requests.push(request);
    listQuerySchema.parse(request);
    if (request.page === failOnPage) throw new Error('Failed to fetch');
    const start = (request.page - 1) * request.perPage;
    return { data: all.slice(start, start + request.perPage), total: all.length };
  };
  return { requests, fetchPage };
}

describe('the logins a history names its actors from', () => {
  it('asks for pages the API accepts, and one is enough for a municipality', async () => {
    const endpoint = usersEndpoint(logins(40));
    expect(await allPages(endpoint.fetchPage)).toHaveLength(40);
    expect(endpoint.requests).toEqual([{ page: 1, perPage: 500 }]);
  });

  it('pages on until the total where there are more logins than a page holds', async () => {
    const endpoint = usersEndpoint(logins(1203));
    const rows = await allPages(endpoint.fetchPage);
    expect(rows).toHaveLength(1203);
    expect(new Set(rows.map((row) => row.id)).size).toBe(1203);
    expect(endpoint.requests.map((r) => r.page)).toEqual([1, 2, 3]);
  });

  it('stops at the page limit rather than walking an endless list', async () => {
    const endpoint = usersEndpoint(logins(1203));
    expect(await allPages(endpoint.fetchPage, 500, 2)).toHaveLength(1000);
  });

  it('keeps what it has when a later page fails, and fails when the first does', async () => {
    expect(await allPages(usersEndpoint(logins(1203), 2).fetchPage)).toHaveLength(500);
    await expect(allPages(usersEndpoint(logins(10), 1).fetchPage)).rejects.toThrow('Failed to fetch');
  });

  it('without a total, goes on only after a full page', async () => {
    const pages = [logins(2), []];
    const requests: number[] = [];
    const rows = await allPages(async ({ page }) => {
      requests.push(page);
      return { data: pages[page - 1] ?? [] };
    }, 2);
    expect(rows).toHaveLength(2);
    expect(requests).toEqual([1, 2]);
  });
});

describe('naming who did what', () => {
  const users = new Map([
    ['u-stina', 'Stina Samordnare'],
    ['u-greta', 'Greta Granskare'],
  ]);

  it('names others from the list of logins', () => {
    expect(actorName('u-greta', { me: { id: 'u-stina', fullName: 'Stina Samordnare' }, users })).toBe(
      'Greta Granskare',
    );
  });

  it('names the reader even where they may not list logins', () => {
    const reviewer = { me: { id: 'u-greta', fullName: 'Greta Granskare' }, users: new Map() };
    expect(actorName('u-greta', reviewer)).toBe('Greta Granskare');
    expect(actorName('u-stina', reviewer)).toBeUndefined();
  });

  it('leaves Läget itself and unknown ids to the page', () => {
    expect(actorName('system', { users })).toBeUndefined();
  });
});
