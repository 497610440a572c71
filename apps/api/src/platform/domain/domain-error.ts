/**
 * A command that the rules refuse. The HTTP layer maps `kind` to a status code
 * (CONTRACT.md): not_found 404, forbidden 403, conflict 409, rule 422, invalid 400.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'rule';

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
