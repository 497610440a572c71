import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../../platform/platform.tokens.js';
import { PUBLISH_PLAN, publishPlanProcessor } from './publish-plan.job.js';

/** Runs the åtgärdsplan's publication jobs in this process (enqueued by its reactor, never the EventBus). */
@Injectable()
export class PlanPublicationJob implements OnApplicationBootstrap {
  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.registerProcessor(
      PUBLISH_PLAN,
      publishPlanProcessor({ runner: this.runner, now: () => this.clock.now() }),
    );
  }
}
