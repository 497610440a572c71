import type { FastifyRequest } from 'fastify';

/** A request header as one string (the first, when it was sent more than once), or undefined. */
export function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
