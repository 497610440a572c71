import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Role } from '@laget/permissions';
import type { RequestContext } from '../../platform/commands/request-context.js';
import { CredentialsStore } from '../credentials.store.js';
import { generateOneTimePassword, PasswordHasher } from '../password-hasher.js';
import type { UserDetails } from '../user.decider.js';
import { OrganisationCheck } from './organisation-check.js';
import { IdentityStreams } from './identity-streams.js';

export interface NewUser extends UserDetails {
  userId?: string;
  username: string;
  roles: Role[];
}

/**
 * Creates a login with a one-time password. Carries the request's context rather than a caller:
 * the first start creates the admin and the demo logins as the system, and an admin's permission
 * is checked by the controller. `password` is the first start's given password instead of a
 * generated one; `ready` skips the forced change at first login (demo logins).
 */
export class CreateUserCommand extends Command<{ userId: string; oneTimePassword: string }> {
  constructor(
    readonly context: RequestContext,
    readonly data: NewUser,
    readonly options: { password?: string; ready?: boolean } = {},
  ) {
    super();
  }
}

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly streams: IdentityStreams,
    private readonly organisations: OrganisationCheck,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialsStore,
  ) {}

  async execute({ context, data, options }: CreateUserCommand) {
    await this.organisations.requireActive(data.organisationId);
    const userId = data.userId ?? randomUUID();
    await this.streams.reserveUsername(data.username, userId, context);
    const oneTimePassword = options.password ?? generateOneTimePassword();
    await this.credentials.set(userId, await this.hasher.hash(oneTimePassword));
    await this.streams.runUser(userId, { type: 'CreateUser', data: { ...data, userId } }, context);
    if (options.ready) {
      await this.streams.runUser(userId, { type: 'ChangeOwnPassword', data: {} }, context);
      await this.streams.endAccessOf(userId, context);
    }
    return { userId, oneTimePassword };
  }

  /** The login a claim on `username` names, when its creation never finished (the first start resumes it). */
  abandonedClaimOn(username: string): Promise<string | null> {
    return this.streams.abandonedClaimOn(username);
  }
}
