import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RequestContext } from '../../platform/commands/request-context.js';
import { loginRefused, ORGANISATION_DEACTIVATED, TooManyAttempts } from '../auth-errors.js';
import { CredentialsStore } from '../credentials.store.js';
import { LoginThrottle } from '../login-throttle.js';
import { OrganisationsReadModel } from '../organisations.read-model.js';
import { PasswordHasher } from '../password-hasher.js';
import { UNKNOWN_LOGINS_STREAM, userSecurityStream } from '../security-events.js';
import { SessionsStore } from '../sessions.store.js';
import { UsersReadModel, type UserRecord } from '../users.read-model.js';
import { FailedAttempts } from './failed-attempts.js';
import { IdentityStreams } from './identity-streams.js';

/** Starts a session for a username and password (the anonymous caller's request context). */
export class LoginCommand extends Command<{ cookieValue: string; user: UserRecord; csrfToken: string }> {
  constructor(
    readonly context: RequestContext,
    readonly username: string,
    readonly password: string,
  ) {
    super();
  }
}

/**
 * Every attempt spends one argon2 verification, whether the username exists, is locked or
 * deactivated, so the answer's timing tells nothing.
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    private readonly users: UsersReadModel,
    private readonly organisations: OrganisationsReadModel,
    private readonly credentials: CredentialsStore,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsStore,
    private readonly throttle: LoginThrottle,
    private readonly failures: FailedAttempts,
    private readonly streams: IdentityStreams,
  ) {}

  async execute({ context, username, password }: LoginCommand) {
    const ip = context.ip ?? 'unknown';
    const ipWait = await this.throttle.ipBlockedFor(ip);
    if (ipWait > 0) {
      await this.hasher.verifyNobody(password);
      throw new TooManyAttempts(ipWait);
    }
    const name = username.trim().toLowerCase();
    const user = await this.users.byUsername(name);
    const hash = user ? await this.credentials.hashOf(user.id) : null;
    if (!user || !hash) {
      await this.hasher.verifyNobody(password);
      await this.throttle.recordIpFailure(ip);
      const plausible = /^[a-z0-9][a-z0-9._-]{1,63}$/.test(name);
      await this.streams.recordSecurityEvent(
        UNKNOWN_LOGINS_STREAM,
        { type: 'UnknownUserLoginFailed', data: { username: plausible ? name : null } },
        context,
      );
      throw loginRefused();
    }
    const asUser = { ...context, actorId: user.id, organisationId: user.organisationId };
    const lockedFor = await this.throttle.lockedFor(user.id);
    const valid = await this.hasher.verify(hash, password);
    if (lockedFor > 0) await this.failures.refuseLocked(user.id, lockedFor, asUser);
    if (!valid || !user.active) {
      await this.failures.refuse(user.id, valid ? 'deactivated' : 'wrong_password', asUser, !valid);
      throw loginRefused();
    }
    if (!(await this.organisationActive(user))) {
      await this.failures.record(user.id, 'organisation_deactivated', asUser);
      throw loginRefused(ORGANISATION_DEACTIVATED);
    }
    await this.throttle.clearFailures(user.id);
    if (this.hasher.needsRehash(hash)) await this.credentials.set(user.id, await this.hasher.hash(password));
    const { cookieValue, session } = await this.sessions.create(user.id, context.ip);
    await this.streams.recordSecurityEvent(
      userSecurityStream(user.id),
      {
        type: 'UserLoggedIn',
        data: { userId: user.id, sessionId: session.idHash.slice(0, 16), method: 'password' },
      },
      asUser,
    );
    return { cookieValue, user, csrfToken: session.csrfToken };
  }

  private async organisationActive(user: UserRecord): Promise<boolean> {
    if (user.organisationId === null) return true;
    return (await this.organisations.get(user.organisationId))?.active ?? true;
  }
}
