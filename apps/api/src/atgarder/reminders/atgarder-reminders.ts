import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AppConfig } from '../../config/app-config.js';
import { UsersReadModel } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { systemContext } from '../../platform/commands/request-context.js';
import { DomainError } from '../../platform/domain/domain-error.js';
import { requestEmail } from '../../platform/jobs/email/send-email.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../../platform/platform.tokens.js';
import type { PlannedAction } from '../action.decider.js';
import { OpenActionsQuery } from '../queries/open-actions.query.js';
import {
  type ActionReminderDependencies,
  REMIND_ACTION,
  remindActionProcessor,
  type ReminderRecipient,
  SCAN_ACTION_REMINDERS,
  scanActionRemindersProcessor,
} from './remind-actions.job.js';
import { type Scheduler, scheduleScanInProcess, scheduleScanWithBullmq } from './reminder-scheduler.js';

/**
 * Reminders to action owners (issue 19): the daily scan on a job scheduler, one job per action
 * and occasion, and the e-mail through the platform's `send-email` job (SMTP, or the outbox
 * table without SMTP_URL). Registered on bootstrap, after @nestjs/cqrs has its handlers (as
 * publication's processors are).
 */
@Injectable()
export class AtgarderReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('atgarder');
  private scheduler: Scheduler | null = null;

  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly queryBus: QueryBus,
    private readonly commands: CommandRunner,
    private readonly users: UsersReadModel,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const deps: ActionReminderDependencies = {
      now: () => this.clock.now(),
      openActions: () => this.queryBus.execute(new OpenActionsQuery()),
      recipients: (action) => this.recipients(action),
      requestEmail: (email) => this.request(email),
      publicBaseUrl: this.config.publicBaseUrl,
    };
    this.jobs.registerProcessor(SCAN_ACTION_REMINDERS, scanActionRemindersProcessor(deps, this.jobs));
    this.jobs.registerProcessor(REMIND_ACTION, remindActionProcessor(deps));
    this.scheduler = this.config.redisUrl
      ? await scheduleScanWithBullmq(this.config.redisUrl, this.config.queuePrefix)
      : scheduleScanInProcess(
          this.jobs,
          () => this.clock.now(),
          (error) => this.logger.error(`Could not enqueue the action reminders: ${String(error)}`),
        );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler?.close();
  }

  private async recipients(action: PlannedAction): Promise<ReminderRecipient[]> {
    const responsible = action.responsibleUserId ? await this.users.get(action.responsibleUserId) : null;
    if (responsible?.active && responsible.email) {
      return [{ userId: responsible.id, displayName: responsible.displayName, email: responsible.email }];
    }
    const { items } = await this.users.list(
      { organisationId: action.ownerOrganisationId, role: 'reporter', active: true },
      { offset: 0, limit: 500 },
    );
    return items
      .filter((user) => user.email)
      .map((user) => ({ userId: user.id, displayName: user.displayName, email: user.email! }));
  }

  private async request(email: { emailId: string; to: string; subject: string; text: string }) {
    try {
      await requestEmail(this.commands, { ...email, purpose: 'reminder' }, systemContext());
      return true;
    } catch (error) {
      // Requested on an earlier run of this occasion: nothing new to send.
      if (error instanceof DomainError && error.kind === 'conflict') return false;
      throw error;
    }
  }
}
