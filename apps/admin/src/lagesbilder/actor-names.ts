/**
 * Who did what in a lägesbild's history: events carry only the actor's id, so the page names
 * people from the list of logins where the reader may list them, and always names the reader.
 */

/** The API's largest page (`listQuerySchema` in @laget/contracts): a larger one is refused with a 400. */
export const usersPerPage = 500;

/** 10,000 logins is more than a county has; past that, the rest are named by id. */
export const maxUserPages = 20;

export interface PageRequest {
  page: number;
  perPage: number;
}

export interface PageAnswer<T> {
  data: T[];
  /** `X-Total-Count`; where the API leaves it out, a full page means there may be more. */
  total?: number;
}

/**
 * Every row of a paged list, one page after another until the total is reached. The first page
 * failing is an error; a later page failing ends the walk with what came before it, because
 * naming most people is better than naming nobody.
 */
export async function allPages<T>(
  fetchPage: (request: PageRequest) => Promise<PageAnswer<T>>,
  perPage = usersPerPage,
  maxPages = maxUserPages,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    let answer: PageAnswer<T>;
    try {
      answer = await fetchPage({ page, perPage });
    } catch (error) {
      if (page === 1) throw error;
      break;
    }
    rows.push(...answer.data);
    const more = answer.total === undefined ? answer.data.length === perPage : rows.length < answer.total;
    if (!more || answer.data.length === 0) break;
  }
  return rows;
}

export interface KnownPeople {
  /** The reader, from `/api/auth/me`: known even to those who may not list logins. */
  me?: { id: string | number; fullName?: string };
  /** Display names by login id, empty where the reader may not list logins or the list failed. */
  users: ReadonlyMap<string, string>;
}

/** The actor's name, or undefined where the page cannot know it (Läget itself, or a login it may not list). */
export function actorName(actorId: string, known: KnownPeople): string | undefined {
  if (known.me && String(known.me.id) === actorId && known.me.fullName) return known.me.fullName;
  return known.users.get(actorId);
}
