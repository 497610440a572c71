import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../platform/commands/request-context.js';
import { TooManyAttempts } from '../auth-errors.js';
import { LoginThrottle } from '../login-throttle.js';
import { userSecurityStream, type LoginFailure } from '../security-events.js';
import { IdentityStreams } from './identity-streams.js';

/**
 * A password refused, as logging in and changing the own password both count it: recorded as a
 * security event and toward the login's lockout and the address's limit, so that neither a login
 * form nor a session left open is a way to guess the password.
 */
@Injectable()
export class FailedAttempts {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly streams: IdentityStreams,
  ) {}

  /** Records an attempt on a locked login and answers 429 with how long it stays locked. */
  async refuseLocked(userId: string, lockedForMs: number, context: RequestContext): Promise<never> {
    await this.record(userId, 'locked', context);
    throw new TooManyAttempts(lockedForMs);
  }

  /**
   * Records a refused attempt; `counts` (a wrong password) also counts toward the lockout and
   * records the lockout when this attempt starts it.
   */
  async refuse(
    userId: string,
    reason: LoginFailure,
    context: RequestContext,
    counts: boolean,
  ): Promise<void> {
    await this.throttle.recordIpFailure(context.ip ?? 'unknown');
    await this.record(userId, reason, context);
    if (!counts) return;
    const { failures, lockedUntil } = await this.throttle.recordFailure(userId);
    if (lockedUntil)
      await this.streams.recordSecurityEvent(
        userSecurityStream(userId),
        { type: 'UserLockedOut', data: { userId, until: lockedUntil.toISOString(), failures } },
        context,
      );
  }

  /** Records a refused attempt that counts toward nothing. */
  record(userId: string, reason: LoginFailure, context: RequestContext): Promise<void> {
    return this.streams.recordSecurityEvent(
      userSecurityStream(userId),
      { type: 'UserLoginFailed', data: { userId, reason } },
      context,
    );
  }
}
