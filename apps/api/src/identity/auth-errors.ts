import { DomainError } from '../platform/domain/domain-error.js';

/* The refusals of logging in: 401, and 429 with Retry-After (the exception filter sends the header). */

const WRONG_PAIR = 'Fel användarnamn eller lösenord (wrong username or password)';
/** Said only to someone who gave the right password: it tells nothing an attacker could not already know. */
export const ORGANISATION_DEACTIVATED =
  'Din organisation är inaktiverad i Läget; kontakta samordnaren (your organisation is deactivated; contact the coordinator)';

export class TooManyAttempts extends DomainError {
  constructor(readonly retryAfterMs: number) {
    super(
      'too_many_requests',
      'För många misslyckade inloggningar; försök igen senare (too many failed attempts)',
      { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) },
    );
  }
}

/** 401 for a login refused; the same words whether the username, the password or the login was wrong. */
export const loginRefused = (message: string = WRONG_PAIR) => new DomainError('unauthenticated', message);
