import type { AreaView } from '@laget/contracts';

export interface AreaListOptions {
  /** Part of the name, in any case (`åsen` finds "Åsen"). */
  q?: string | undefined;
  sort?: string | undefined;
  order?: 'ASC' | 'DESC' | 'asc' | 'desc' | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
}

const swedish = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** The fields a list may be sorted by; any other (react-admin's default `id` among them) sorts by name. */
const sortable: Record<string, (a: AreaView, b: AreaView) => number> = {
  name: (a, b) => swedish.compare(a.name, b.name),
  placeCount: (a, b) => a.placeCount - b.placeCount || swedish.compare(a.name, b.name),
};

/** Search, sort and page the areas as `/api/places` does (the total before paging), in memory. */
export function listAreas(
  areas: readonly AreaView[],
  options: AreaListOptions,
): { items: AreaView[]; total: number } {
  const needle = options.q?.trim().toLocaleLowerCase('sv') ?? '';
  const matching = needle
    ? areas.filter((area) => area.name.toLocaleLowerCase('sv').includes(needle))
    : [...areas];
  const compare = Object.hasOwn(sortable, options.sort ?? '') ? sortable[options.sort!]! : sortable.name!;
  const descending = options.order?.toUpperCase() === 'DESC';
  matching.sort((a, b) => (descending ? compare(b, a) : compare(a, b)));
  if (!options.perPage) return { items: matching, total: matching.length };
  const from = ((options.page ?? 1) - 1) * options.perPage;
  return { items: matching.slice(from, from + options.perPage), total: matching.length };
}
