import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { OrganisationKind } from '@laget/contracts';
import type { Caller } from '../caller.js';
import type { OrganisationCommand } from '../organisation.decider.js';
import { UsersReadModel } from '../users.read-model.js';
import { IdentityStreams } from './identity-streams.js';

export interface OrganisationChanges {
  name?: string;
  kind?: OrganisationKind;
  active?: boolean;
}

/**
 * Renames, changes the kind of, deactivates or reactivates an organisation (one PATCH). The
 * controller has checked that the caller may update it.
 */
export class ChangeOrganisationCommand extends Command<void> {
  constructor(
    readonly caller: Caller,
    readonly organisationId: string,
    readonly changes: OrganisationChanges,
    /** If-Match: the version the client based its change on. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(ChangeOrganisationCommand)
export class ChangeOrganisationHandler implements ICommandHandler<ChangeOrganisationCommand> {
  constructor(
    private readonly streams: IdentityStreams,
    private readonly users: UsersReadModel,
  ) {}

  async execute({
    caller: { context },
    organisationId,
    changes,
    expectedVersion,
  }: ChangeOrganisationCommand) {
    const commands: OrganisationCommand[] = [];
    if (changes.name !== undefined)
      commands.push({ type: 'RenameOrganisation', data: { name: changes.name } });
    if (changes.kind !== undefined)
      commands.push({ type: 'ChangeOrganisationKind', data: { kind: changes.kind } });
    if (changes.active === false) commands.push({ type: 'DeactivateOrganisation', data: {} });
    if (changes.active === true) commands.push({ type: 'ReactivateOrganisation', data: {} });
    if (commands.length === 0 && expectedVersion !== undefined) {
      // An empty change still answers 409 to a stale version, as every change does: renaming to
      // the own name changes nothing but checks the version.
      const { state } = await this.streams.loadOrganisation(organisationId);
      if (state.status === 'registered')
        commands.push({ type: 'RenameOrganisation', data: { name: state.name } });
    }
    // Each change recorded as its own event; only the first checks the client's version.
    let version = expectedVersion;
    for (const command of commands) {
      const result = await this.streams.runOrganisation(organisationId, command, context, version);
      version = undefined;
      if (result.events.some((event) => event.type === 'OrganisationDeactivated'))
        await this.endAccessOfOrganisation(organisationId, context);
    }
  }

  /**
   * A deactivated organisation's logins lose their sessions and tokens at once, as a deactivated
   * login does. The guard also refuses any login whose organisation is inactive, which covers
   * what this misses: a session made by a login in flight, or a token another instance still
   * trusts for up to TOKEN_RECHECK_MS.
   */
  private async endAccessOfOrganisation(organisationId: string, context: Caller['context']): Promise<void> {
    for (const userId of await this.users.idsInOrganisation(organisationId))
      await this.streams.endAccessOf(userId, context);
  }
}
