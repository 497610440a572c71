import { describe, expect, it } from 'vitest';
import type { DataProvider } from 'react-admin';
import { loadAllWeeks, weeksPage } from './weeks-data.js';

const week = (id: string, status: 'open' | 'compiled' | 'published', reported = 0) =>
  ({ id, status, reported }) as never;
const weeks = [
  week('2026-W49', 'open'),
  week('2026-W48', 'open', 3),
  week('2025-W48', 'open'),
  week('2024-W49', 'open'),
  week('2024-W48', 'published', 6),
];

describe('weeksPage', () => {
  it('orders activity first, newest first, by default', () => {
    expect(weeksPage(weeks, {}).data.map((w: { id: string }) => w.id)).toEqual([
      '2026-W48',
      '2024-W48',
      '2026-W49',
      '2025-W48',
      '2024-W49',
    ]);
  });

  it('filters by what was typed, and finds nothing for text that is no week', () => {
    const found = weeksPage(weeks, { filter: { q: 'v48 2024' } });
    expect(found).toEqual({ data: [weeks[4]], total: 1 });
    expect(weeksPage(weeks, { filter: { q: 'v48' } }).total).toBe(3);
    expect(weeksPage(weeks, { filter: { q: 'polisen' } }).total).toBe(0);
  });

  it('sorts by week when asked and pages', () => {
    const page = weeksPage(weeks, {
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 2, perPage: 2 },
    });
    expect(page.data.map((w: { id: string }) => w.id)).toEqual(['2025-W48', '2026-W48']);
    expect(page.total).toBe(5);
  });
});

describe('loadAllWeeks', () => {
  it('reads page after page until the total is reached', async () => {
    const all = Array.from({ length: 106 }, (_, i) => ({ id: `w${i}`, status: 'open' }));
    const pages: number[] = [];
    const base = {
      getList: async (_resource: string, params: { pagination: { page: number; perPage: number } }) => {
        const { page, perPage } = params.pagination;
        pages.push(page);
        return { data: all.slice((page - 1) * perPage, page * perPage), total: all.length };
      },
    } as unknown as DataProvider;
    expect(await loadAllWeeks(base)).toHaveLength(106);
    expect(pages).toEqual([1, 2]);
  });
});
