import type { PlaceView } from '@laget/contracts';

export interface PlaceListOptions {
  /** Part of the name, in any case (`åsen` finds "Åsens torg"). */
  q?: string | undefined;
  sort?: string | undefined;
  order?: 'ASC' | 'DESC' | 'asc' | 'desc' | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
}

const swedish = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** The fields a list may be sorted by; any other (react-admin's default `id` among them) sorts by name. */
const sortable: Record<string, (a: PlaceView, b: PlaceView) => number> = {
  name: (a, b) => swedish.compare(a.name, b.name),
  kind: (a, b) => swedish.compare(a.kind, b.kind) || swedish.compare(a.name, b.name),
  retired: (a, b) => Number(a.retired) - Number(b.retired) || swedish.compare(a.name, b.name),
};

/**
 * Search, sort and page the register as the contract's lists do (`?q=&sort=&order=&page=&perPage=`,
 * the total before paging). The register is small and answered from one read, so this is done
 * in memory; without `perPage` the whole register is answered, as the place pickers need.
 */
export function listPlaces(
  places: readonly PlaceView[],
  options: PlaceListOptions,
): { items: PlaceView[]; total: number } {
  const needle = options.q?.trim().toLocaleLowerCase('sv') ?? '';
  const matching = needle
    ? places.filter((place) => place.name.toLocaleLowerCase('sv').includes(needle))
    : [...places];
  const compare = Object.hasOwn(sortable, options.sort ?? '') ? sortable[options.sort!]! : sortable.name!;
  const descending = options.order?.toUpperCase() === 'DESC';
  matching.sort((a, b) => (descending ? compare(b, a) : compare(a, b)));
  if (!options.perPage) return { items: matching, total: matching.length };
  const from = ((options.page ?? 1) - 1) * options.perPage;
  return { items: matching.slice(from, from + options.perPage), total: matching.length };
}
