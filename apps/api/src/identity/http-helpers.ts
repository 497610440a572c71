import { listQuerySchema, type ListQuery } from '@laget/contracts';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../platform/domain/domain-error.js';
import { parseInput, ValidationFailed } from '../platform/http/validation.js';
import type { Page, PageRequest } from './queries/page.js';

/** 403 with the contract's body (the one exception filter maps the DomainError). */
export function forbidden(message = 'Du får inte göra detta (not allowed)'): DomainError {
  return new DomainError('forbidden', message);
}

/** `?page=&perPage=&sort=&order=` → offset/limit (CONTRACT.md "Lists"). */
export function pageOf(
  query: Record<string, unknown>,
): ListQuery & { offset: number; limit: number; direction: 'ASC' | 'DESC' } {
  const { page, perPage, sort, order } = parseInput(
    listQuerySchema,
    { page: query.page, perPage: query.perPage, sort: query.sort, order: query.order },
    'query',
  );
  return {
    page,
    perPage,
    ...(sort === undefined ? {} : { sort }),
    ...(order === undefined ? {} : { order }),
    offset: (page - 1) * perPage,
    limit: perPage,
    direction: order?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC',
  };
}

/** The page a list route's query asks for, as the list queries take it. */
export function pageRequestOf(query: Record<string, unknown>): PageRequest {
  const page = pageOf(query);
  return {
    offset: page.offset,
    limit: page.limit,
    ...(page.sort ? { sort: page.sort } : {}),
    order: page.direction,
  };
}

export function setTotal(reply: FastifyReply, total: number): void {
  reply.header('X-Total-Count', String(total));
}

/** A list route's answer: the page's items, with the whole list's length in X-Total-Count. */
export function sendPage<T>(reply: FastifyReply, page: Page<T>): T[] {
  setTotal(reply, page.total);
  return page.items;
}

/** A list's filter without the parameters the query did not give (the read models test for presence). */
export function givenOnly<T extends Record<string, unknown>>(
  filter: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

export function booleanQuery(value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ValidationFailed([
    { field: `query.${field}`, message: 'måste vara true eller false (must be true or false)' },
  ]);
}

export function oneOfQuery<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ValidationFailed([
    { field: `query.${field}`, message: `ska vara en av ${allowed.join(', ')} (must be one of them)` },
  ]);
}
