import { randomUUID } from 'node:crypto';
import { HttpException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { IssuedApiTokenDto, MeDto } from '@laget/contracts';
import { Clock } from '../platform/commands/clock.js';
import type { RequestContext } from '../platform/commands/request-context.js';
import { apiError } from '../platform/http/api-error.js';
import { ValidationFailed } from '../platform/http/validation.js';
import { packedRulesOf } from './ability-cache.js';
import { AccountsService } from './accounts.service.js';
import { IdentitySettings } from './identity.settings.js';
import { OrganisationsReadModel } from './organisations.read-model.js';
import type { CurrentActorInfo } from './actor.js';
import { ApiTokensStore } from './api-tokens.store.js';
import { CredentialsStore } from './credentials.store.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { checkPassword } from './password-policy.js';
import { API_TOKEN_PREFIX, randomSecret } from './secrets.js';
import { UNKNOWN_LOGINS_STREAM, userSecurityStream } from './security-events.js';
import { SessionsStore } from './sessions.store.js';
import { UsersReadModel, type UserRecord } from './users.read-model.js';

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

/**
 * Logging in and out, passwords and tokens. Every attempt spends one argon2 verification, whether
 * the username exists, is locked or deactivated, so the answer's timing tells nothing.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersReadModel,
    private readonly credentials: CredentialsStore,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsStore,
    private readonly tokens: ApiTokensStore,
    private readonly throttle: LoginThrottle,
    private readonly accounts: AccountsService,
    private readonly organisations: OrganisationsReadModel,
    private readonly settings: IdentitySettings,
    private readonly clock: Clock,
  ) {}

  async login(
    username: string,
    password: string,
    context: RequestContext,
  ): Promise<{ cookieValue: string; user: UserRecord; csrfToken: string }> {
    const ip = context.ip ?? 'unknown';
    const ipWait = await this.throttle.ipBlockedFor(ip);
    if (ipWait > 0) {
      await this.hasher.verifyNobody(password);
      throw new TooManyAttempts(ipWait);
    }
    const user = await this.users.byUsername(username.trim().toLowerCase());
    const hash = user ? await this.credentials.hashOf(user.id) : null;
    if (!user || !hash) {
      await this.hasher.verifyNobody(password);
      await this.throttle.recordIpFailure(ip);
      const plausible = /^[a-z0-9][a-z0-9._-]{1,63}$/.test(username.trim().toLowerCase());
      await this.accounts.recordSecurityEvent(
        UNKNOWN_LOGINS_STREAM,
        {
          type: 'UnknownUserLoginFailed',
          data: { username: plausible ? username.trim().toLowerCase() : null },
        },
        context,
      );
      throw new UnauthorizedException(apiError(401, WRONG_PAIR));
    }
    const stream = userSecurityStream(user.id);
    const asUser = { ...context, actorId: user.id, organisationId: user.organisationId };
    const lockedFor = await this.throttle.lockedFor(user.id);
    const valid = await this.hasher.verify(hash, password);
    if (lockedFor > 0) {
      await this.accounts.recordSecurityEvent(
        stream,
        { type: 'UserLoginFailed', data: { userId: user.id, reason: 'locked' } },
        asUser,
      );
      throw new TooManyAttempts(lockedFor);
    }
    if (!valid || !user.active) {
      await this.throttle.recordIpFailure(ip);
      const reason = valid ? 'deactivated' : 'wrong_password';
      await this.accounts.recordSecurityEvent(
        stream,
        { type: 'UserLoginFailed', data: { userId: user.id, reason } },
        asUser,
      );
      if (!valid) {
        const { failures, lockedUntil } = await this.throttle.recordFailure(user.id);
        if (lockedUntil)
          await this.accounts.recordSecurityEvent(
            stream,
            { type: 'UserLockedOut', data: { userId: user.id, until: lockedUntil.toISOString(), failures } },
            asUser,
          );
      }
      throw new UnauthorizedException(apiError(401, WRONG_PAIR));
    }
    if (!(await this.organisationActive(user))) {
      await this.accounts.recordSecurityEvent(
        stream,
        { type: 'UserLoginFailed', data: { userId: user.id, reason: 'organisation_deactivated' } },
        asUser,
      );
      throw new UnauthorizedException(apiError(401, ORGANISATION_DEACTIVATED));
    }
    await this.throttle.clearFailures(user.id);
    if (this.hasher.needsRehash(hash)) await this.credentials.set(user.id, await this.hasher.hash(password));
    const { cookieValue, session } = await this.sessions.create(user.id, context.ip);
    await this.accounts.recordSecurityEvent(
      stream,
      {
        type: 'UserLoggedIn',
        data: { userId: user.id, sessionId: session.idHash.slice(0, 16), method: 'password' },
      },
      asUser,
    );
    return { cookieValue, user, csrfToken: session.csrfToken };
  }

  async logout(actor: CurrentActorInfo, sessionIdHash: string, context: RequestContext): Promise<void> {
    await this.sessions.delete(sessionIdHash);
    await this.accounts.recordSecurityEvent(
      userSecurityStream(actor.userId),
      {
        type: 'UserLoggedOut',
        data: { userId: actor.userId, sessionId: sessionIdHash.slice(0, 16), reason: 'logout' },
      },
      context,
    );
  }

  me(user: UserRecord, csrfToken: string | null): MeDto {
    const actor = { userId: user.id, organisationId: user.organisationId, roles: user.roles };
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      organisationId: user.organisationId,
      roles: user.roles,
      rules: packedRulesOf(actor),
      csrfToken,
      mustChangePassword: user.mustChangePassword,
    };
  }

  /**
   * A wrong current password counts toward the login's lockout as a failed login does (and toward
   * the address's limit), so that a session left open is no way to guess the password.
   */
  async changePassword(
    actor: CurrentActorInfo,
    currentPassword: string,
    newPassword: string,
    context: RequestContext,
    keepSession?: string,
  ): Promise<void> {
    const ip = context.ip ?? 'unknown';
    const stream = userSecurityStream(actor.userId);
    const lockedFor = Math.max(
      await this.throttle.lockedFor(actor.userId),
      await this.throttle.ipBlockedFor(ip),
    );
    const hash = await this.credentials.hashOf(actor.userId);
    const valid = hash !== null && (await this.hasher.verify(hash, currentPassword));
    if (lockedFor > 0) {
      await this.accounts.recordSecurityEvent(
        stream,
        { type: 'UserLoginFailed', data: { userId: actor.userId, reason: 'locked' } },
        context,
      );
      throw new TooManyAttempts(lockedFor);
    }
    if (!valid) {
      await this.throttle.recordIpFailure(ip);
      await this.accounts.recordSecurityEvent(
        stream,
        { type: 'UserLoginFailed', data: { userId: actor.userId, reason: 'wrong_current_password' } },
        context,
      );
      const { failures, lockedUntil } = await this.throttle.recordFailure(actor.userId);
      if (lockedUntil)
        await this.accounts.recordSecurityEvent(
          stream,
          {
            type: 'UserLockedOut',
            data: { userId: actor.userId, until: lockedUntil.toISOString(), failures },
          },
          context,
        );
      throw new ValidationFailed([
        {
          field: 'body.currentPassword',
          message: 'Nuvarande lösenord stämmer inte (current password is wrong)',
        },
      ]);
    }
    await this.throttle.clearFailures(actor.userId);
    if (currentPassword === newPassword)
      throw new ValidationFailed([
        {
          field: 'body.newPassword',
          message: 'Det nya lösenordet måste skilja sig från det gamla (must differ from the current one)',
        },
      ]);
    const verdict = checkPassword(newPassword, {
      username: actor.username,
      displayName: actor.displayName,
      municipality: this.settings.municipalityName,
    });
    if (!verdict.ok)
      throw new ValidationFailed(verdict.problems.map((message) => ({ field: 'body.newPassword', message })));
    await this.accounts.changeOwnPassword(actor.userId, newPassword, context, keepSession);
  }

  private async organisationActive(user: UserRecord): Promise<boolean> {
    if (user.organisationId === null) return true;
    return (await this.organisations.get(user.organisationId))?.active ?? true;
  }

  async issueToken(
    actor: CurrentActorInfo,
    name: string,
    expiresInDays: number,
    context: RequestContext,
  ): Promise<IssuedApiTokenDto> {
    const id = randomUUID();
    const secret = `${API_TOKEN_PREFIX}${randomSecret()}`;
    const expiresAt = new Date(this.clock.now().getTime() + expiresInDays * 86_400_000);
    const dto = await this.tokens.add({ id, ownerId: actor.userId, name, secret, expiresAt });
    await this.accounts.recordSecurityEvent(
      userSecurityStream(actor.userId),
      {
        type: 'ApiTokenIssued',
        data: { userId: actor.userId, tokenId: id, name, expiresAt: expiresAt.toISOString() },
      },
      context,
    );
    return { ...dto, token: secret };
  }

  async revokeToken(
    tokenId: string,
    ownerId: string,
    actor: CurrentActorInfo,
    context: RequestContext,
  ): Promise<void> {
    await this.tokens.revoke(tokenId);
    await this.accounts.recordSecurityEvent(
      userSecurityStream(ownerId),
      { type: 'ApiTokenRevoked', data: { userId: ownerId, tokenId, revokedBy: actor.userId } },
      context,
    );
  }
}
