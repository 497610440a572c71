import { Command, CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import type { AtgardsplanView } from '@laget/contracts';
import { AppConfig } from '../../config/app-config.js';
import type { SignedInCaller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { conflict } from '../../platform/domain/domain-error.js';
import { type PlanChange, ensureMayChangePlan, openPlanHash, planDocument } from './plan-access.js';
import { PlanSnapshotQuery } from './plan-snapshot.query.js';
import {
  type PlanCommand,
  type PlanCorrection,
  type PlanState,
  planDeciderFor,
  planStreamId,
} from './plan.decider.js';
import { planPublicationJobId } from './publish-plan.job.js';

/** Compiles the year's åtgärdsplan from the active problems (coordinator); after a publication, a correction. */
export class CompilePlanCommand extends Command<AtgardsplanView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly year: number,
  ) {
    super();
  }
}

/** Approves the open version as it stands, or as the approver read it (`readHash`). */
export class ApprovePlanCommand extends Command<AtgardsplanView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly year: number,
    readonly readHash?: string,
  ) {
    super();
  }
}

/** Asks for the approved revision to be published (coordinator): `202 {jobId}`, as for a lägesbild. */
export class PublishPlanCommand extends Command<{ jobId: string; plan: AtgardsplanView }> {
  constructor(
    readonly caller: SignedInCaller,
    readonly year: number,
    readonly correction?: PlanCorrection,
  ) {
    super();
  }
}

/** Takes the published plan off the public site, with a reason (coordinator). */
export class RetractPlanCommand extends Command<AtgardsplanView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly year: number,
    readonly reason: string,
  ) {
    super();
  }
}

/** Decides on the plan as loaded, the permission checked on it, under the municipality's policy. */
type PlanResult = { state: PlanState; version: number; events: readonly { type: string; eventId: string }[] };

/** The answer of most plan commands: the internal view as it now stands. */
const internalView = (result: PlanResult) => planDocument(result.state, result.version, 'internal');

function onPlan<Answer>(
  runner: CommandRunner,
  config: AppConfig,
  caller: SignedInCaller,
  year: number,
  change: PlanChange,
  command: (state: PlanState) => PlanCommand,
  answer: (result: PlanResult) => Answer,
): Promise<Answer> {
  const decider = planDeciderFor({ fourEyes: config.fourEyes });
  return runner.runOnMany([{ streamId: planStreamId(year), folder: decider }] as const, {
    context: caller.context,
    decide: ([plan]) => {
      ensureMayChangePlan(caller, change, plan.state, config.fourEyes);
      return decider.decide(command(plan.state), plan.state);
    },
    answer,
  });
}

@CommandHandler(CompilePlanCommand)
export class CompilePlanHandler implements ICommandHandler<CompilePlanCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async execute({ caller, year }: CompilePlanCommand): Promise<AtgardsplanView> {
    const snapshot = await this.queryBus.execute(new PlanSnapshotQuery(year));
    const at = this.clock.now().toISOString();
    return onPlan(
      this.runner,
      this.config,
      caller,
      year,
      'compile',
      () => ({
        type: 'CompilePlan',
        data: { snapshot, by: caller.actor.userId, at },
      }),
      internalView,
    );
  }
}

@CommandHandler(ApprovePlanCommand)
export class ApprovePlanHandler implements ICommandHandler<ApprovePlanCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly config: AppConfig,
  ) {}

  execute({ caller, year, readHash }: ApprovePlanCommand): Promise<AtgardsplanView> {
    return onPlan(
      this.runner,
      this.config,
      caller,
      year,
      'approve',
      (state) => ({
        type: 'ApprovePlan',
        data: {
          openContentHash: state.snapshot ? openPlanHash(state) : '',
          by: caller.actor.userId,
          readHash,
        },
      }),
      internalView,
    );
  }
}

@CommandHandler(PublishPlanCommand)
export class PublishPlanHandler implements ICommandHandler<PublishPlanCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly config: AppConfig,
  ) {}

  execute({
    caller,
    year,
    correction,
  }: PublishPlanCommand): Promise<{ jobId: string; plan: AtgardsplanView }> {
    return onPlan(
      this.runner,
      this.config,
      caller,
      year,
      'publish',
      (state) => ({
        type: 'RequestPlanPublication',
        data: {
          openContentHash: state.snapshot ? openPlanHash(state) : '',
          by: caller.actor.userId,
          correction,
        },
      }),
      (result) => {
        const requested = result.events.find((event) => event.type === 'AtgardsplanPublicationRequested');
        if (!requested) throw conflict('Publiceringen är redan begärd / Publication was requested already');
        return {
          jobId: planPublicationJobId(requested.eventId),
          plan: planDocument(result.state, result.version, 'internal'),
        };
      },
    );
  }
}

@CommandHandler(RetractPlanCommand)
export class RetractPlanHandler implements ICommandHandler<RetractPlanCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  execute({ caller, year, reason }: RetractPlanCommand): Promise<AtgardsplanView> {
    const at = this.clock.now().toISOString();
    return onPlan(
      this.runner,
      this.config,
      caller,
      year,
      'retract',
      () => ({
        type: 'RetractPlan',
        data: { reason, by: caller.actor.userId, at },
      }),
      internalView,
    );
  }
}

export const planCommandHandlers = [
  CompilePlanHandler,
  ApprovePlanHandler,
  PublishPlanHandler,
  RetractPlanHandler,
];
