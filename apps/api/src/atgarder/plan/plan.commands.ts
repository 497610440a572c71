import { Command, CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import type { AtgardsplanView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { ensureMayChangePlan, openPlanHash, planDocument } from './plan-access.js';
import { PlanSnapshotQuery } from './plan-snapshot.query.js';
import { planDecider, planStreamId, type PlanCommand, type PlanState } from './plan.decider.js';
import { planPublicationJobId } from './publish-plan.job.js';
import { conflict } from '../../platform/domain/domain-error.js';

/** Compiles (again, until published) the year's åtgärdsplan from the active problems (coordinator). */
export class CompilePlanCommand extends Command<AtgardsplanView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly year: number,
  ) {
    super();
  }
}

/** Approves the open version as it stands (coordinator). */
export class ApprovePlanCommand extends Command<AtgardsplanView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly year: number,
  ) {
    super();
  }
}

/** Asks for the approved revision to be published (coordinator): `202 {jobId}`, as for a lägesbild. */
export class PublishPlanCommand extends Command<{ jobId: string; plan: AtgardsplanView }> {
  constructor(
    readonly caller: SignedInCaller,
    readonly year: number,
  ) {
    super();
  }
}

/** Decides on the plan as loaded, the permission checked on it. */
function onPlan(
  runner: CommandRunner,
  caller: SignedInCaller,
  year: number,
  action: 'create' | 'approve',
  command: (state: PlanState) => PlanCommand,
): Promise<AtgardsplanView> {
  return runner.runOnMany([{ streamId: planStreamId(year), folder: planDecider }] as const, {
    context: caller.context,
    decide: ([plan]) => {
      ensureMayChangePlan(caller, action, plan.state);
      return planDecider.decide(command(plan.state), plan.state);
    },
    answer: (result) => planDocument(result.state, result.version, 'internal'),
  });
}

@CommandHandler(CompilePlanCommand)
export class CompilePlanHandler implements ICommandHandler<CompilePlanCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, year }: CompilePlanCommand): Promise<AtgardsplanView> {
    const snapshot = await this.queryBus.execute(new PlanSnapshotQuery(year));
    const at = this.clock.now().toISOString();
    return onPlan(this.runner, caller, year, 'create', () => ({
      type: 'CompilePlan',
      data: { snapshot, by: caller.actor.userId, at },
    }));
  }
}

@CommandHandler(ApprovePlanCommand)
export class ApprovePlanHandler implements ICommandHandler<ApprovePlanCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ caller, year }: ApprovePlanCommand): Promise<AtgardsplanView> {
    return onPlan(this.runner, caller, year, 'approve', (state) => ({
      type: 'ApprovePlan',
      data: { openContentHash: state.snapshot ? openPlanHash(state) : '', by: caller.actor.userId },
    }));
  }
}

@CommandHandler(PublishPlanCommand)
export class PublishPlanHandler implements ICommandHandler<PublishPlanCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ caller, year }: PublishPlanCommand): Promise<{ jobId: string; plan: AtgardsplanView }> {
    return this.runner.runOnMany([{ streamId: planStreamId(year), folder: planDecider }] as const, {
      context: caller.context,
      decide: ([plan]) => {
        ensureMayChangePlan(caller, 'approve', plan.state);
        const openContentHash = plan.state.snapshot ? openPlanHash(plan.state) : '';
        return planDecider.decide(
          { type: 'RequestPlanPublication', data: { openContentHash, by: caller.actor.userId } },
          plan.state,
        );
      },
      answer: (result) => {
        const requested = result.events.find((event) => event.type === 'AtgardsplanPublicationRequested');
        if (!requested) throw conflict('Publiceringen är redan begärd / Publication was requested already');
        return {
          jobId: planPublicationJobId(requested.eventId),
          plan: planDocument(result.state, result.version, 'internal'),
        };
      },
    });
  }
}

export const planCommandHandlers = [CompilePlanHandler, ApprovePlanHandler, PublishPlanHandler];
