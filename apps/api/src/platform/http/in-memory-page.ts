import { z } from 'zod';

const say = (field: string, sv: string, en: string) => `${field}: ${sv} (${en})`;

/**
 * `?page=&perPage=&sort=&order=` of CONTRACT.md for lists answered from one read and paged in
 * memory (problems, actions: a municipality has tens or hundreds). Without `perPage` the whole
 * list is answered, as pickers that want everything ask; with it, the page, and the total
 * before paging goes in X-Total-Count either way.
 */
export const inMemoryPageQuery = z.object({
  page: z.coerce
    .number({ error: say('page', 'måste vara ett heltal', 'must be a whole number') })
    .int({ error: say('page', 'måste vara ett heltal', 'must be a whole number') })
    .min(1, { error: say('page', 'minst 1', 'at least 1') })
    .max(100_000, { error: say('page', 'högst 100000', 'at most 100000') })
    .optional(),
  perPage: z.coerce
    .number({ error: say('perPage', 'måste vara ett heltal', 'must be a whole number') })
    .int({ error: say('perPage', 'måste vara ett heltal', 'must be a whole number') })
    .min(1, { error: say('perPage', 'minst 1', 'at least 1') })
    .max(500, { error: say('perPage', 'högst 500', 'at most 500') })
    .optional(),
  sort: z
    .string()
    .max(50, { error: say('sort', 'högst 50 tecken', 'at most 50 characters') })
    .optional(),
  order: z
    .enum(['ASC', 'DESC', 'asc', 'desc'], {
      error: say('order', 'ska vara ASC eller DESC', 'must be ASC or DESC'),
    })
    .optional(),
});
export type InMemoryPageRequest = z.output<typeof inMemoryPageQuery>;

export type Comparator<T> = (a: T, b: T) => number;

/** Compares strings as a Swedish reader orders them (å ä ö last, numbers by value). */
export const swedishOrder = new Intl.Collator('sv', { sensitivity: 'base', numeric: true }).compare;

/**
 * Sorts by one of `sortable` (any other field, react-admin's default `id` among them, sorts by
 * `defaultSort`, or keeps the read's own order without one) and cuts the page. A stable sort, so
 * equal items keep the read's order.
 */
export function pageInMemory<T>(
  items: readonly T[],
  request: InMemoryPageRequest,
  sortable: Readonly<Record<string, Comparator<T>>>,
  /** Sorts by this field where the request names none the list knows (registers sort by name). */
  defaultSort?: string,
): { items: T[]; total: number } {
  const sorted = [...items];
  const field =
    request.sort !== undefined && Object.hasOwn(sortable, request.sort) ? request.sort : defaultSort;
  if (field !== undefined && Object.hasOwn(sortable, field)) {
    const compare = sortable[field]!;
    const descending = request.order?.toUpperCase() === 'DESC';
    sorted.sort((a, b) => (descending ? compare(b, a) : compare(a, b)));
  }
  if (request.perPage === undefined) return { items: sorted, total: sorted.length };
  const from = ((request.page ?? 1) - 1) * request.perPage;
  return { items: sorted.slice(from, from + request.perPage), total: sorted.length };
}

/** Items whose name holds `q`, in any case (`åsen` finds "Åsens torg"); all of them without `q`. */
export function nameMatches<T>(items: readonly T[], q: string | undefined, nameOf: (item: T) => string): T[] {
  const needle = q?.trim().toLocaleLowerCase('sv') ?? '';
  return needle ? items.filter((item) => nameOf(item).toLocaleLowerCase('sv').includes(needle)) : [...items];
}
