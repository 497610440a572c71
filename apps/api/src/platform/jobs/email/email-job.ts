import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import { AppConfig } from '../../../config/app-config.js';
import { CommandRunner } from '../../commands/command-runner.js';
import { JOB_QUEUE, READ_DB } from '../../platform.tokens.js';
import { PROJECTIONS_TO_RUN, type ProjectionsToRun } from '../../projections.service.js';
import type { JobQueue } from '../job-queue.js';
import { type EmailTransport, openEmailTransport } from './email-transport.js';
import { registerSendEmail } from './send-email.js';

/**
 * The platform's e-mail job (reminders, account e-mails): its reactor is registered with the
 * projections, its processor here, with the application's one CommandRunner (and so its
 * upcasters). Registered on bootstrap, after @nestjs/cqrs has its handlers, like the features'
 * processors; a maintenance process (the rebuild CLI) sends nothing. The platform's lifecycle
 * closes the transport after the queue has let running jobs finish.
 */
@Injectable()
export class EmailJob implements OnApplicationBootstrap {
  private transport: EmailTransport | null = null;

  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(PROJECTIONS_TO_RUN) private readonly toRun: ProjectionsToRun,
    private readonly config: AppConfig,
    private readonly commands: CommandRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.toRun !== 'all') return;
    this.transport = await openEmailTransport({ smtpUrl: this.config.smtpUrl, db: this.db });
    registerSendEmail(this.jobs, { commands: this.commands, transport: this.transport });
  }

  async close(): Promise<void> {
    await this.transport?.close();
    this.transport = null;
  }
}
