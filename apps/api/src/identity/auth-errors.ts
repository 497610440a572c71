import { HttpException, UnauthorizedException } from '@nestjs/common';
import { apiError } from '../platform/http/api-error.js';

/*
 * The answers of logging in that are no DomainError kind (401 and 429, with Retry-After): they
 * stay HTTP exceptions with the contract's body, which the one exception filter passes on as they are.
 */

const WRONG_PAIR = 'Fel användarnamn eller lösenord (wrong username or password)';
/** Said only to someone who gave the right password: it tells nothing an attacker could not already know. */
export const ORGANISATION_DEACTIVATED =
  'Din organisation är inaktiverad i Läget; kontakta samordnaren (your organisation is deactivated; contact the coordinator)';

export class TooManyAttempts extends HttpException {
  constructor(readonly retryAfterMs: number) {
    super(
      apiError(429, 'För många misslyckade inloggningar; försök igen senare (too many failed attempts)', {
        retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
      }),
      429,
    );
  }
}

/** 401 for a login refused; the same words whether the username, the password or the login was wrong. */
export const loginRefused = (message: string = WRONG_PAIR) =>
  new UnauthorizedException(apiError(401, message));
