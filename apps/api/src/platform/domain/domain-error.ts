/**
 * A command or query that the rules refuse. The HTTP layer maps `kind` to a status code
 * (CONTRACT.md): invalid 400, unauthenticated 401, forbidden 403, not_found 404, conflict 409,
 * rule 422, too_many_requests 429 (with `details.retryAfterSeconds`, sent as Retry-After).
 */
export type DomainErrorKind =
  'invalid' | 'unauthenticated' | 'not_found' | 'forbidden' | 'conflict' | 'rule' | 'too_many_requests';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Field paths or other facts a client can act on. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
export const ruleBroken = (message: string, details?: Record<string, unknown>) =>
  new DomainError('rule', message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', message, details);
