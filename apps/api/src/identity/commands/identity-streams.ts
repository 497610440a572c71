import { Inject, Injectable } from '@nestjs/common';
import {
  ANY,
  NO_STREAM,
  WrongExpectedVersionError,
  type EventStore,
  type SqlDatabase,
} from '@laget/event-store';
import { CommandRunner, type RunResult } from '../../platform/commands/command-runner.js';
import { Clock } from '../../platform/commands/clock.js';
import { metadataFor, type RequestContext } from '../../platform/commands/request-context.js';
import type { Decider, DomainEvent } from '../../platform/domain/decider.js';
import { conflict } from '../../platform/domain/domain-error.js';
import { EVENT_STORE, READ_DB } from '../../platform/platform.tokens.js';
import { ApiTokensStore } from '../api-tokens.store.js';
import { applyIdentityEvent } from '../identity.projection.js';
import {
  organisationDecider,
  organisationStream,
  type OrganisationCommand,
  type OrganisationState,
} from '../organisation.decider.js';
import { userSecurityStream, type SecurityEvent } from '../security-events.js';
import { SessionsStore } from '../sessions.store.js';
import { userDecider, userStream, type UserCommand, type UserState } from '../user.decider.js';

/** Reserves a username for one login: two admins creating "anna" at once get one 409. */
const usernameStream = (username: string) => `username-${username}`;

/**
 * What the identity command handlers share when they write: an organisation or user command run
 * through the platform's CommandRunner, its events applied to the read model at once
 * (version-guarded, so the projection runner applying them again is harmless) so that the next
 * request sees them; security facts appended as they happened; and a login's access ended.
 * It decides nothing itself (the deciders do) and reads no read model.
 */
@Injectable()
export class IdentityStreams {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly clock: Clock,
    private readonly sessions: SessionsStore,
    private readonly tokens: ApiTokensStore,
  ) {}

  runOrganisation(
    organisationId: string,
    command: OrganisationCommand,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<RunResult<OrganisationState>> {
    return this.run(
      organisationStream(organisationId),
      organisationDecider,
      command,
      context,
      expectedVersion,
    );
  }

  /** The organisation as its stream says now (for a change that must check the client's version). */
  loadOrganisation(organisationId: string) {
    return this.runner.load(organisationStream(organisationId), organisationDecider);
  }

  async runUser(
    userId: string,
    command: UserCommand,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<RunResult<UserState>> {
    const result = await this.run(userStream(userId), userDecider, command, context, expectedVersion);
    // Requests with the login's tokens see the changed record from now on, not a second later.
    if (result.events.length > 0) this.tokens.forgetOwner(userId);
    return result;
  }

  /** Claims `username` for `userId` (409 when another login has it), before the login is created. */
  async reserveUsername(username: string, userId: string, context: RequestContext): Promise<void> {
    try {
      await this.store.append(
        usernameStream(username),
        [
          {
            type: 'UsernameReserved',
            data: { username, userId },
            metadata: metadataFor(context, this.clock.now()),
          },
        ],
        { expectedVersion: NO_STREAM },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        throw conflict(`The username ${username} is taken`, { field: 'username' });
      throw error;
    }
  }

  /** Security facts are appended as they happened (no decision, so any stream version). */
  async recordSecurityEvent(streamId: string, event: SecurityEvent, context: RequestContext): Promise<void> {
    await this.store.append(streamId, [{ ...event, metadata: metadataFor(context, this.clock.now()) }], {
      expectedVersion: ANY,
    });
  }

  /**
   * Ends the login's sessions (but `keepSession`) and revokes its tokens, each revocation recorded
   * with who caused it: whoever holds them keeps nothing after a deactivation or a new password.
   */
  async endAccessOf(userId: string, context: RequestContext, keepSession?: string): Promise<void> {
    await this.sessions.deleteAllOf(userId, keepSession);
    for (const tokenId of await this.tokens.revokeAllOf(userId))
      await this.recordSecurityEvent(
        userSecurityStream(userId),
        { type: 'ApiTokenRevoked', data: { userId, tokenId, revokedBy: context.actorId } },
        context,
      );
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
      await applyIdentityEvent(this.db, {
        type: event.type,
        data: event.data,
        streamVersion: first + index,
        ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
      });
    return result;
  }
}
