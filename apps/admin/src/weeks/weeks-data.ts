import type { PeriodView } from '@laget/contracts';
import type { DataProvider, GetListParams, RaRecord } from 'react-admin';
import { byActivityThenNewest, matchesWeek, parseWeekQuery } from './week-search.js';

type Week = PeriodView & { id: string; reported?: number };

// The API's largest page of periods (periods.controller.ts); two pages cover two years.
const apiPage = 104;

/**
 * Every week the API lists (the running week back to the first report), read page by page. The
 * API's period list takes no filter and no sort, so search and order happen here; at one row a
 * week it stays small (about 50 a year).
 */
export async function loadAllWeeks(base: DataProvider, signal?: AbortSignal): Promise<Week[]> {
  const weeks: Week[] = [];
  for (let page = 1; page <= 20; page++) {
    const { data, total } = await base.getList<Week>('periods', {
      pagination: { page, perPage: apiPage },
      sort: { field: 'id', order: 'DESC' },
      filter: {},
      signal,
    });
    weeks.push(...data);
    if (data.length < apiPage || weeks.length >= (total ?? 0)) break;
  }
  return weeks;
}

/** The list page of weeks: `q` filters ("v48 2024"), the default order is activity first, then newest. */
export function weeksPage(
  weeks: readonly Week[],
  params: Pick<GetListParams, 'filter' | 'sort' | 'pagination'>,
) {
  const text = typeof params.filter?.q === 'string' ? params.filter.q.trim() : '';
  const query = text ? parseWeekQuery(text) : {};
  const found = query ? weeks.filter((week) => matchesWeek(week.id, query)) : [];
  const sorted =
    params.sort?.field === 'id'
      ? [...found].sort((a, b) => (params.sort?.order === 'ASC' ? 1 : -1) * a.id.localeCompare(b.id))
      : byActivityThenNewest(found);
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  return { data: sorted.slice((page - 1) * perPage, page * perPage), total: sorted.length };
}

/**
 * The periods list asked with `meta: { weekSearch: true }` (the lägesbilder list): searchable and
 * sorted here. It stays the `periods` resource so that react-admin's access check (CASL) knows it.
 */
export const weekSearchMeta = { weekSearch: true } as const;

export function withWeekSearch<Provider extends DataProvider>(base: Provider): Provider {
  return {
    ...base,
    async getList<RecordType extends RaRecord>(resource: string, params: GetListParams) {
      if (resource !== 'periods' || params.meta?.weekSearch !== true)
        return base.getList<RecordType>(resource, params);
      const page = weeksPage(await loadAllWeeks(base, params.signal), params);
      return page as unknown as { data: RecordType[]; total: number };
    },
  };
}
