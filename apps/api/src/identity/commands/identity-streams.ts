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

/** A claim on a username whose login was not created within this long was abandoned (see reserveUsername). */
export const RESERVATION_ABANDONED_AFTER_MS = 60_000;

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

  /**
   * Claims `username` for `userId` (409 when another login has it), before the login is created.
   * A claim is the creation's first step, so a creation that died before its second (a crash, a
   * lost connection) left the name claimed by a login that never came to be, and every later try
   * got 409 for good. Now the same creation trying again (the same `userId`) finds its own claim,
   * and a claim whose login was never created is taken over once it is older than
   * `abandonedAfterMs` (a creation takes milliseconds; default a minute), guarded by the claim's
   * stream version so that two takers get one 409.
   */
  async reserveUsername(
    username: string,
    userId: string,
    context: RequestContext,
    abandonedAfterMs = RESERVATION_ABANDONED_AFTER_MS,
  ): Promise<void> {
    const reserve = (expectedVersion: number | typeof NO_STREAM) =>
      this.store.append(
        usernameStream(username),
        [
          {
            type: 'UsernameReserved',
            data: { username, userId },
            metadata: metadataFor(context, this.clock.now()),
          },
        ],
        { expectedVersion },
      );
    const taken = () => conflict(`The username ${username} is taken`, { field: 'username' });
    try {
      await reserve(NO_STREAM);
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    const claims = await this.store.readStream(usernameStream(username));
    const claim = claims[claims.length - 1];
    if (!claim) throw taken();
    const claimedBy = (claim.data as { userId?: unknown }).userId;
    if (claimedBy === userId) return;
    const age = this.clock.now().getTime() - Date.parse(claim.metadata.occurredAt);
    const loginExists =
      typeof claimedBy !== 'string' ||
      (await this.store.readStream(userStream(claimedBy), { maxCount: 1 })).length > 0;
    if (loginExists || !(age >= abandonedAfterMs)) throw taken();
    try {
      await reserve(claim.streamVersion);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw taken();
      throw error;
    }
  }

  /** The login a claim on `username` names, when that login was never created (see reserveUsername). */
  async abandonedClaimOn(username: string): Promise<string | null> {
    const claims = await this.store.readStream(usernameStream(username));
    const claimedBy = (claims[claims.length - 1]?.data as { userId?: unknown } | undefined)?.userId;
    if (typeof claimedBy !== 'string') return null;
    const login = await this.store.readStream(userStream(claimedBy), { maxCount: 1 });
    return login.length === 0 ? claimedBy : null;
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
