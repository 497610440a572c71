import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { OrganisationKind } from '@laget/contracts';
import type { RunResult } from '../../platform/commands/command-runner.js';
import { newIdFor, type RequestContext } from '../../platform/commands/request-context.js';
import type { OrganisationState } from '../organisation.decider.js';
import { IdentityStreams } from './identity-streams.js';

/**
 * Registers an organisation (an EST actor). Carries the request's context rather than a caller:
 * the first start's demo seeding registers organisations as the system, and the admin's
 * permission is checked by the controller (it needs no organisation to check).
 */
export class RegisterOrganisationCommand extends Command<RunResult<OrganisationState>> {
  constructor(
    readonly context: RequestContext,
    readonly data: { organisationId?: string; name: string; kind: OrganisationKind },
  ) {
    super();
  }
}

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand> {
  constructor(private readonly streams: IdentityStreams) {}

  execute({ context, data }: RegisterOrganisationCommand) {
    // Derived from an Idempotency-Key where there is one, so that a retry finds its first attempt.
    const organisationId = data.organisationId ?? newIdFor(context, 'organisation');
    return this.streams.runOrganisation(
      organisationId,
      { type: 'RegisterOrganisation', data: { ...data, organisationId } },
      context,
    );
  }
}
