/** One page of a list as the identity read models answer it, and the total for X-Total-Count. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Which page of a list, in which order (`?page=&perPage=&sort=&order=` as pageRequestOf reads it). */
export interface PageRequest {
  offset: number;
  limit: number;
  sort?: string;
  order?: 'ASC' | 'DESC';
}
