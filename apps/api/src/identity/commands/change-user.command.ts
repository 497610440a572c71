import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Role } from '@laget/permissions';
import { notFound, ruleBroken } from '../../platform/domain/domain-error.js';
import type { SignedInCaller } from '../caller.js';
import type { UserCommand, UserDetails } from '../user.decider.js';
import { UsersReadModel } from '../users.read-model.js';
import { OrganisationCheck } from './organisation-check.js';
import { IdentityStreams } from './identity-streams.js';

export interface UserChanges extends Partial<UserDetails> {
  roles?: Role[];
  active?: boolean;
}

/**
 * Changes a login's details, roles or active flag (one PATCH). The controller has checked that
 * the caller may update this login; the rules about the caller's own login are checked here.
 */
export class ChangeUserCommand extends Command<void> {
  constructor(
    readonly caller: SignedInCaller,
    readonly userId: string,
    readonly changes: UserChanges,
    /** If-Match: the version the client based its change on. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(ChangeUserCommand)
export class ChangeUserHandler implements ICommandHandler<ChangeUserCommand> {
  constructor(
    private readonly streams: IdentityStreams,
    private readonly users: UsersReadModel,
    private readonly organisations: OrganisationCheck,
  ) {}

  async execute({ caller, userId, changes, expectedVersion }: ChangeUserCommand) {
    const user = await this.users.get(userId);
    if (!user) throw notFound('User');
    if (
      userId === caller.actor.userId &&
      (changes.active === false ||
        (changes.roles && !changes.roles.includes('admin') && user.roles.includes('admin')))
    )
      throw ruleBroken(
        'Du kan inte inaktivera dig själv eller ta bort din egen administratörsroll (ask another admin)',
        { field: changes.active === false ? 'active' : 'roles' },
      );
    if (changes.organisationId !== undefined && changes.organisationId !== user.organisationId)
      await this.organisations.requireActive(changes.organisationId);
    let version = expectedVersion;
    // Each change recorded as its own event; only the first checks the client's version.
    for (const command of commandsOf(changes)) {
      const result = await this.streams.runUser(userId, command, caller.context, version);
      version = undefined;
      // A deactivated login loses its sessions and tokens at once, not at their expiry.
      if (result.events.some((event) => event.type === 'UserDeactivated'))
        await this.streams.endAccessOf(userId, caller.context);
    }
  }
}

function commandsOf(changes: UserChanges): UserCommand[] {
  const commands: UserCommand[] = [];
  const details = {
    ...(changes.displayName === undefined ? {} : { displayName: changes.displayName }),
    ...(changes.email === undefined ? {} : { email: changes.email }),
    ...(changes.organisationId === undefined ? {} : { organisationId: changes.organisationId }),
  };
  if (Object.keys(details).length > 0) commands.push({ type: 'ChangeUserDetails', data: details });
  if (changes.roles !== undefined) commands.push({ type: 'ChangeUserRoles', data: { roles: changes.roles } });
  if (changes.active === false) commands.push({ type: 'DeactivateUser', data: {} });
  if (changes.active === true) commands.push({ type: 'ReactivateUser', data: {} });
  // An empty change still answers 409 to a stale version, as every change does.
  if (commands.length === 0) commands.push({ type: 'ChangeUserDetails', data: {} });
  return commands;
}
