import type { PlaceView } from '@laget/contracts';
import {
  type Comparator,
  type InMemoryPageRequest,
  nameMatches,
  pageInMemory,
  swedishOrder,
} from '../platform/http/in-memory-page.js';

export interface PlaceListOptions extends InMemoryPageRequest {
  /** Part of the name, in any case (`åsen` finds "Åsens torg"). */
  q?: string | undefined;
}

/** The fields a list may be sorted by; any other (react-admin's default `id` among them) sorts by name. */
const sortable: Record<string, Comparator<PlaceView>> = {
  name: (a, b) => swedishOrder(a.name, b.name),
  kind: (a, b) => swedishOrder(a.kind, b.kind) || swedishOrder(a.name, b.name),
  retired: (a, b) => Number(a.retired) - Number(b.retired) || swedishOrder(a.name, b.name),
};

/**
 * Search, sort and page the register as the contract's lists do (`?q=&sort=&order=&page=&perPage=`,
 * the total before paging). The register is small and answered from one read, so this is done
 * in memory; without `perPage` the whole register is answered, as the place pickers need.
 */
export function listPlaces(
  places: readonly PlaceView[],
  { q, ...page }: PlaceListOptions,
): { items: PlaceView[]; total: number } {
  return pageInMemory(
    nameMatches(places, q, (place) => place.name),
    page,
    sortable,
    'name',
  );
}
