import { Command, CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import type { ProblemView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { ensureMayChangeProblem } from '../atgarder-access.js';
import { problemView } from '../atgarder-views.js';
import { isOpened, problemDecider, problemStreamId } from '../problem.decider.js';
import { IncidentQuery } from '../queries/incident.query.js';

/** Links an incident of any week to a problem, or unlinks it (coordinator). */
export class LinkIncidentCommand extends Command<ProblemView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly problemId: string,
    readonly incidentId: string,
    readonly link: boolean,
  ) {
    super();
  }
}

@CommandHandler(LinkIncidentCommand)
export class LinkIncidentHandler implements ICommandHandler<LinkIncidentCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ caller, problemId, incidentId, link }: LinkIncidentCommand): Promise<ProblemView> {
    ensureMayChangeProblem(caller, 'update', problemId);
    let command;
    if (link) {
      // Only incidents that exist are linked; unlinking works for any id the problem holds.
      const incident = await this.queryBus.execute(new IncidentQuery(incidentId));
      if (!incident) throw notFound('Incident');
      command = { type: 'LinkIncident' as const, data: { incidentId, period: incident.period } };
    } else {
      command = { type: 'UnlinkIncident' as const, data: { incidentId } };
    }
    const result = await this.runner.run(problemStreamId(problemId), problemDecider, command, {
      context: caller.context,
    });
    if (!isOpened(result.state)) throw notFound('Problem');
    return problemView(result.state, result.version);
  }
}
