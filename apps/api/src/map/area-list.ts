import type { AreaView } from '@laget/contracts';
import {
  type Comparator,
  type InMemoryPageRequest,
  nameMatches,
  pageInMemory,
  swedishOrder,
} from '../platform/http/in-memory-page.js';

export interface AreaListOptions extends InMemoryPageRequest {
  /** Part of the name, in any case (`åsen` finds "Åsen"). */
  q?: string | undefined;
}

/** The fields a list may be sorted by; any other (react-admin's default `id` among them) sorts by name. */
const sortable: Record<string, Comparator<AreaView>> = {
  name: (a, b) => swedishOrder(a.name, b.name),
  placeCount: (a, b) => a.placeCount - b.placeCount || swedishOrder(a.name, b.name),
};

/** Search, sort and page the areas as `/api/places` does (the total before paging), in memory. */
export function listAreas(
  areas: readonly AreaView[],
  { q, ...page }: AreaListOptions,
): { items: AreaView[]; total: number } {
  return pageInMemory(
    nameMatches(areas, q, (area) => area.name),
    page,
    sortable,
    'name',
  );
}
