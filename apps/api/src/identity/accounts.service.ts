import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ANY,
  NO_STREAM,
  WrongExpectedVersionError,
  type EventStore,
  type SqlDatabase,
} from '@laget/event-store';
import type { OrganisationKind } from '@laget/contracts';
import type { Role } from '@laget/permissions';
import { CommandRunner, type RunResult } from '../platform/commands/command-runner.js';
import { Clock } from '../platform/commands/clock.js';
import { metadataFor, newIdFor, type RequestContext } from '../platform/commands/request-context.js';
import type { Decider, DomainEvent } from '../platform/domain/decider.js';
import { conflict } from '../platform/domain/domain-error.js';
import { EVENT_STORE, READ_DB } from '../platform/platform.tokens.js';
import { ApiTokensStore } from './api-tokens.store.js';
import { CredentialsStore } from './credentials.store.js';
import { applyIdentityEvent } from './identity.projection.js';
import { organisationDecider, organisationStream, type OrganisationCommand } from './organisation.decider.js';
import { generateOneTimePassword, PasswordHasher } from './password-hasher.js';
import { userSecurityStream, type SecurityEvent } from './security-events.js';
import { SessionsStore } from './sessions.store.js';
import { userDecider, userStream, type UserCommand, type UserDetails } from './user.decider.js';

/** Reserves a username for one login: two admins creating "anna" at once get one 409. */
const usernameStream = (username: string) => `username-${username}`;

/**
 * The command side of organisations and logins: runs the deciders through the platform's
 * CommandRunner and applies the appended events to the read model at once (version-guarded, so
 * the projection runner applying them again is harmless), so that the next request sees them.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialsStore,
    private readonly sessions: SessionsStore,
    private readonly tokens: ApiTokensStore,
  ) {}

  async registerOrganisation(
    data: { organisationId?: string; name: string; kind: OrganisationKind },
    context: RequestContext,
  ) {
    // Derived from an Idempotency-Key where there is one, so that a retry finds its first attempt.
    const organisationId = data.organisationId ?? newIdFor(context, 'organisation');
    return this.runOrganisation(
      organisationId,
      { type: 'RegisterOrganisation', data: { ...data, organisationId } },
      context,
    );
  }

  /** Several changes of one PATCH, each recorded as its own event; only the first checks the client's version. */
  async changeOrganisation(
    organisationId: string,
    commands: OrganisationCommand[],
    context: RequestContext,
    expectedVersion?: number,
  ) {
    let version = expectedVersion;
    let last: RunResult<unknown> | null = null;
    for (const command of commands) {
      last = await this.runOrganisation(organisationId, command, context, version);
      version = undefined;
      if (last.events.some((event) => event.type === 'OrganisationDeactivated'))
        await this.endAccessOfOrganisation(organisationId, context);
    }
    return last;
  }

  /**
   * A deactivated organisation's logins lose their sessions and tokens at once, as a deactivated
   * login does. The guard also refuses any login whose organisation is inactive, which covers
   * what this misses: a session made by a login in flight, or a token another instance still
   * trusts for up to TOKEN_RECHECK_MS.
   */
  private async endAccessOfOrganisation(organisationId: string, context: RequestContext): Promise<void> {
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT id FROM identity_users WHERE organisation_id = $1',
      [organisationId],
    );
    for (const { id } of rows) {
      await this.sessions.deleteAllOf(id);
      await this.revokeTokensOf(id, context);
    }
  }

  /** Revokes a login's tokens, each revocation recorded with who caused it. */
  private async revokeTokensOf(userId: string, context: RequestContext): Promise<void> {
    for (const tokenId of await this.tokens.revokeAllOf(userId))
      await this.recordSecurityEvent(
        userSecurityStream(userId),
        { type: 'ApiTokenRevoked', data: { userId, tokenId, revokedBy: context.actorId } },
        context,
      );
  }

  async createUser(
    data: { userId?: string; username: string; roles: Role[] } & UserDetails,
    context: RequestContext,
    password?: string,
  ): Promise<{ userId: string; oneTimePassword: string }> {
    const userId = data.userId ?? randomUUID();
    try {
      await this.store.append(
        usernameStream(data.username),
        [
          {
            type: 'UsernameReserved',
            data: { username: data.username, userId },
            metadata: metadataFor(context, this.clock.now()),
          },
        ],
        { expectedVersion: NO_STREAM },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        throw conflict(`The username ${data.username} is taken`, { field: 'username' });
      throw error;
    }
    const oneTimePassword = password ?? generateOneTimePassword();
    await this.credentials.set(userId, await this.hasher.hash(oneTimePassword));
    await this.runUser(userId, { type: 'CreateUser', data: { ...data, userId } }, context);
    return { userId, oneTimePassword };
  }

  async changeUser(
    userId: string,
    commands: UserCommand[],
    context: RequestContext,
    expectedVersion?: number,
  ) {
    let version = expectedVersion;
    for (const command of commands) {
      const result = await this.runUser(userId, command, context, version);
      version = undefined;
      const types = result.events.map((event) => event.type);
      // A deactivated login loses its sessions and tokens at once, not at their expiry.
      if (types.includes('UserDeactivated')) {
        await this.sessions.deleteAllOf(userId);
        await this.revokeTokensOf(userId, context);
      }
    }
  }

  /** A new one-time password (admin or coordinator reset): ends the login's sessions and revokes its tokens. */
  async resetPassword(userId: string, context: RequestContext, expectedVersion?: number): Promise<string> {
    const oneTimePassword = generateOneTimePassword();
    const hash = await this.hasher.hash(oneTimePassword);
    await this.runUser(
      userId,
      { type: 'IssueOneTimePassword', data: { reason: 'reset' } },
      context,
      expectedVersion,
    );
    await this.credentials.set(userId, hash);
    await this.sessions.deleteAllOf(userId);
    await this.revokeTokensOf(userId, context);
    return oneTimePassword;
  }

  /**
   * Ends the other sessions and revokes every token of the login: whoever made them with the old
   * password (or stole them) keeps nothing. The session making the change stays.
   */
  async changeOwnPassword(
    userId: string,
    newPassword: string,
    context: RequestContext,
    keepSession?: string,
  ): Promise<void> {
    const hash = await this.hasher.hash(newPassword);
    await this.runUser(userId, { type: 'ChangeOwnPassword', data: {} }, context);
    await this.credentials.set(userId, hash);
    await this.sessions.deleteAllOf(userId, keepSession);
    await this.revokeTokensOf(userId, context);
  }

  /** Security facts are appended as they happened (no decision, so any stream version). */
  async recordSecurityEvent(streamId: string, event: SecurityEvent, context: RequestContext): Promise<void> {
    await this.store.append(streamId, [{ ...event, metadata: metadataFor(context, this.clock.now()) }], {
      expectedVersion: ANY,
    });
  }

  async organisationStreamVersion(organisationId: string): Promise<number> {
    return (await this.runner.load(organisationStream(organisationId), organisationDecider)).version;
  }

  private runOrganisation(
    organisationId: string,
    command: OrganisationCommand,
    context: RequestContext,
    expectedVersion?: number,
  ) {
    return this.run(
      organisationStream(organisationId),
      organisationDecider,
      command,
      context,
      expectedVersion,
    );
  }

  private async runUser(
    userId: string,
    command: UserCommand,
    context: RequestContext,
    expectedVersion?: number,
  ) {
    const result = await this.run(userStream(userId), userDecider, command, context, expectedVersion);
    // Requests with the login's tokens see the changed record from now on, not a second later.
    if (result.events.length > 0) this.tokens.forgetOwner(userId);
    return result;
  }

  private async run<State, Command, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<State, Command, Event>,
    command: Command,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<RunResult<State, Event>> {
    const result = await this.runner.run(streamId, decider, command, {
      context,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
    const first = result.version - result.events.length + 1;
    for (const [index, event] of result.events.entries())
      await applyIdentityEvent(this.db, { type: event.type, data: event.data, streamVersion: first + index });
    return result;
  }
}
