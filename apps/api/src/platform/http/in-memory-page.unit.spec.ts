import { inMemoryPageQuery, nameMatches, pageInMemory, swedishOrder } from './in-memory-page.js';

describe('pageInMemory', () => {
  const items = ['Örebro', 'Avesta', 'Älvkarleby', 'Norberg', 'Åsele'].map((name, i) => ({ name, i }));
  const byName = { name: (a: { name: string }, b: { name: string }) => swedishOrder(a.name, b.name) };

  it('sorts as a Swedish reader does, and cuts the page with the total before paging', () => {
    const page = pageInMemory(items, { sort: 'name', page: 2, perPage: 2 }, byName);
    expect(page.total).toBe(5);
    expect(page.items.map((item) => item.name)).toEqual(['Åsele', 'Älvkarleby']);
    const descending = pageInMemory(items, { sort: 'name', order: 'desc' }, byName);
    expect(descending.items.map((item) => item.name)).toEqual([
      'Örebro',
      'Älvkarleby',
      'Åsele',
      'Norberg',
      'Avesta',
    ]);
  });

  it('keeps the read’s order for a field it does not sort by (react-admin asks for id), even __proto__', () => {
    for (const sort of ['id', '__proto__', 'constructor', undefined]) {
      expect(pageInMemory(items, { sort }, byName).items).toEqual(items);
    }
  });

  it('answers everything without perPage, and nothing past the end', () => {
    expect(pageInMemory(items, {}, byName).items).toHaveLength(5);
    expect(pageInMemory(items, { page: 4, perPage: 2 }, byName)).toEqual({ items: [], total: 5 });
  });

  it('refuses a page request outside its bounds, naming the field', () => {
    for (const [query, field] of [
      [{ perPage: '0' }, 'perPage'],
      [{ perPage: '501' }, 'perPage'],
      [{ page: '1.5' }, 'page'],
      [{ sort: 'x'.repeat(51) }, 'sort'],
      [{ order: 'up' }, 'order'],
    ] as const) {
      const parsed = inMemoryPageQuery.safeParse(query);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toContain(field);
    }
  });

  it('sorts by the default field where the request names none it knows, and finds names in any case', () => {
    expect(pageInMemory(items, { sort: 'id' }, byName, 'name').items.map((item) => item.name)).toEqual([
      'Avesta',
      'Norberg',
      'Åsele',
      'Älvkarleby',
      'Örebro',
    ]);
    expect(nameMatches(items, ' ÅSE ', (item) => item.name).map((item) => item.name)).toEqual(['Åsele']);
    expect(nameMatches(items, undefined, (item) => item.name)).toHaveLength(5);
  });
});
