import { ForbiddenException } from '@nestjs/common';
import { listQuerySchema, type ListQuery } from '@laget/contracts';
import type { FastifyReply } from 'fastify';
import { apiError } from '../platform/http/api-error.js';
import { parseInput, ValidationFailed } from '../platform/http/validation.js';

export function forbidden(message = 'Du får inte göra detta (not allowed)'): ForbiddenException {
  return new ForbiddenException(apiError(403, message));
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

export function setTotal(reply: FastifyReply, total: number): void {
  reply.header('X-Total-Count', String(total));
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
