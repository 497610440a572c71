import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { EventStore, SqlDatabase } from '@laget/event-store';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { headerOf } from '../platform/http/headers.js';
import { AppConfig } from '../config/app-config.js';
import { IdentityModule, UsersReadModel } from '../identity/index.js';
import { IdentitySettings } from '../identity/identity.settings.js';
import { SessionsStore } from '../identity/sessions.store.js';
import { ApiTokensStore } from '../identity/api-tokens.store.js';
import { SESSION_COOKIE } from '../identity/auth.guard.js';
import { Clock } from '../platform/commands/clock.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { openEmailTransport, type EmailTransport } from '../platform/jobs/email/email-transport.js';
import { SEND_EMAIL, registerSendEmail } from '../platform/jobs/email/send-email.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { EVENT_STORE, JOB_QUEUE, READ_DB } from '../platform/platform.tokens.js';
import { Projections } from '../platform/projections.service.js';
import { ReportingModule } from '../reporting/reporting.module.js';
import { ReportingService } from '../reporting/reporting.service.js';
import { JobsController } from './jobs.controller.js';
import { PublicationArtefacts } from './publication-artefacts.js';
import { PUBLICATION_WEBHOOK, publicationWebhookProcessor } from './publication-webhook.js';
import { publicationSettingsOf, type PublicationSettings } from './publication.settings.js';
import { PUBLICATION_ARTEFACTS, PUBLICATION_SETTINGS } from './publication.tokens.js';
import { PublicSiteController } from './public-site.controller.js';
import { PublicSiteService } from './public-site.service.js';
import { PUBLISH_LAGESBILD, publishLagesbildProcessor } from './publish-lagesbild.job.js';
import { BULL_BOARD_PATH, bullBoardPlugin, queueHealth, type QueueHealth } from './queue-operations.js';
import { reminderSlots } from './reminder-schedule.js';
import { scheduleInProcess, scheduleWithBullmq, type ReminderScheduler } from './reminder-scheduler.js';
import { SEND_REMINDERS, sendRemindersProcessor } from './send-reminders.job.js';

/**
 * Registers the publication module's projection, reactors and job processors, starts the reminder
 * schedule and mounts Bull Board; on shutdown stops the schedule (the platform then lets running
 * jobs finish before it closes the queue).
 */
@Injectable()
export class PublicationWiring implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('publication');
  private scheduler: ReminderScheduler | null = null;
  private bullmq: { queues: Queue[]; redis: Redis } | null = null;
  private emailTransport: EmailTransport | null = null;
  /** The identity module's own stores, for the one route its guard does not cover. */
  private readonly sessions: SessionsStore;
  private readonly tokens: ApiTokensStore;

  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(PUBLICATION_ARTEFACTS) artefacts: PublicationArtefacts,
    @Inject(PUBLICATION_SETTINGS) private readonly settings: PublicationSettings,
    private readonly projections: Projections,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly commands: CommandRunner,
    private readonly reporting: ReportingService,
    private readonly users: UsersReadModel,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.sessions = new SessionsStore(db, clock, new IdentitySettings(config));
    this.tokens = new ApiTokensStore(db, clock);
    jobs.registerProcessor(
      PUBLISH_LAGESBILD,
      publishLagesbildProcessor({ store, artefacts, clock, municipality: settings.municipality }),
    );
    if (settings.webhook) {
      jobs.registerProcessor(
        PUBLICATION_WEBHOOK,
        publicationWebhookProcessor({
          ...settings.webhook,
          baseUrl: config.publicBaseUrl,
          now: () => clock.now(),
        }),
      );
    }
    jobs.registerProcessor(
      SEND_REMINDERS,
      sendRemindersProcessor({
        commands,
        now: () => clock.now(),
        periodSettings: reporting.settings,
        compliance: async (period) => (await reporting.getPeriod(period)).compliance ?? [],
        reporters: async (organisationId) => {
          const { items } = await users.list(
            { organisationId, role: 'reporter', active: true },
            { offset: 0, limit: 500 },
          );
          return items
            .filter((user) => user.email)
            .map((user) => ({ userId: user.id, displayName: user.displayName, email: user.email! }));
        },
        municipalityName: settings.municipality.name,
        publicBaseUrl: config.publicBaseUrl,
      }),
    );
  }

  async onModuleInit(): Promise<void> {
    this.emailTransport = await openEmailTransport({ smtpUrl: this.config.smtpUrl, db: this.db });
    try {
      registerSendEmail(this.jobs, { store: this.store, transport: this.emailTransport, clock: this.clock });
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('registered already'))) throw error;
      await this.emailTransport.close();
      this.emailTransport = null;
    }

    const slots = reminderSlots(this.settings.reminders);
    if (this.config.redisUrl) {
      const scheduled = await scheduleWithBullmq(this.config.redisUrl, slots, {
        prefix: this.config.queuePrefix,
      });
      this.scheduler = scheduled;
      // Bull Board and the health check look at the queues of the kinds this module runs.
      const queues = [PUBLISH_LAGESBILD, PUBLICATION_WEBHOOK, SEND_EMAIL].map(
        (kind) => new Queue(kind, { connection: scheduled.redis, prefix: this.config.queuePrefix }),
      );
      // Reported by the workers and /health/ready while Redis is away; not an unhandled 'error'.
      for (const queue of queues) queue.on('error', () => undefined);
      this.bullmq = { queues: [...queues, scheduled.queue], redis: scheduled.redis };
    } else {
      this.scheduler = scheduleInProcess(
        this.jobs,
        slots,
        () => this.clock.now(),
        (error) => this.logger.error(`Could not enqueue reminders: ${String(error)}`),
      );
    }

    if (this.bullmq) {
      const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
      await fastify.register(
        bullBoardPlugin(this.bullmq.queues, (request) => this.identify(request)),
        { prefix: BULL_BOARD_PATH },
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // The scheduler's queue shares the connection, so the other queues close before it.
    for (const queue of this.bullmq?.queues ?? []) if (queue.name !== SEND_REMINDERS) await queue.close();
    await this.scheduler?.close();
    await this.emailTransport?.close();
  }

  /** Queue health for `/health/ready`. */
  health(): Promise<QueueHealth> {
    return queueHealth(this.jobs, this.bullmq);
  }

  /** The global guard's lookup, for the one route it does not cover. */
  private async identify(request: FastifyRequest) {
    const authorization = headerOf(request, 'authorization');
    let found: { userId: string; organisationActive: boolean } | null;
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      const token = await this.tokens.ownerOf(authorization.slice(7).trim());
      found = token && { userId: token.ownerId, organisationActive: token.organisationActive };
    } else {
      const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      found = cookie ? await this.sessions.find(cookie) : null;
    }
    // As the global guard: a login of a deactivated organisation is refused.
    const user = found?.organisationActive ? await this.users.get(found.userId) : null;
    if (!user || !user.active || user.mustChangePassword) return null;
    return { userId: user.id, roles: user.roles };
  }
}

/**
 * Publication (issue 6): the publication job, the public site, the Atom feed, webhook, weekly
 * reminders, `GET /api/jobs/:id` and Bull Board at /admin/queues.
 */
@Module({
  imports: [IdentityModule, ReportingModule],
  controllers: [PublicSiteController, JobsController],
  providers: [
    { provide: PUBLICATION_SETTINGS, useFactory: publicationSettingsOf, inject: [AppConfig] },
    {
      provide: PUBLICATION_ARTEFACTS,
      useFactory: (db: SqlDatabase) => PublicationArtefacts.open(db),
      inject: [READ_DB],
    },
    PublicSiteService,
    PublicationWiring,
  ],
  exports: [PublicationWiring, PublicSiteService],
})
export class PublicationModule {}
