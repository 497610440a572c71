import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../platform/commands/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { JOB_QUEUE } from '../platform/platform.tokens.js';
import { GetPeriodQuery, REPORTING_SETTINGS, type ReportingSettings } from '../reporting/index.js';
import type { PublicationArtefacts } from './publication-artefacts.js';
import { ReminderRecipients } from './reminder-recipients.js';
import { PUBLICATION_WEBHOOK, publicationWebhookProcessor } from './publication-webhook.js';
import type { PublicationSettings } from './publication.settings.js';
import { PUBLICATION_ARTEFACTS, PUBLICATION_SETTINGS } from './publication.tokens.js';
import { PUBLISH_LAGESBILD, publishLagesbildProcessor } from './publish-lagesbild.job.js';
import { SEND_REMINDERS_NOW, sendRemindersNowProcessor } from './reminders-now.job.js';
import {
  SEND_REMINDERS,
  sendRemindersProcessor,
  type SendRemindersDependencies,
} from './send-reminders.job.js';

/**
 * Runs the publication's jobs in this process: publishing, the webhook, reminders (scheduled
 * and the coordinator's) and the e-mail they ask for. The jobs are enqueued by the checkpointed reactors of the manifest
 * (publication.feature.ts), never by the in-memory EventBus, so none is lost to a crash. The
 * processors record what they did through the CommandBus, and are registered once the bus has
 * its handlers (@nestjs/cqrs registers them in onApplicationBootstrap, which runs for the
 * global platform first): a job left from before a restart may start the moment it is registered.
 */
@Injectable()
export class PublicationProcessors implements OnApplicationBootstrap {
  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(PUBLICATION_ARTEFACTS) private readonly artefacts: PublicationArtefacts,
    @Inject(PUBLICATION_SETTINGS) private readonly settings: PublicationSettings,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(REPORTING_SETTINGS) private readonly reportingSettings: ReportingSettings,
    private readonly recipients: ReminderRecipients,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { jobs, clock, settings, config } = this;
    jobs.registerProcessor(
      PUBLISH_LAGESBILD,
      publishLagesbildProcessor({
        commandBus: this.commandBus,
        queryBus: this.queryBus,
        artefacts: this.artefacts,
        clock,
        municipality: settings.municipality,
        // The map feature's setting (a settings reader, not its module): ADR 0030.
      }),
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
    // The scheduled run and the coordinator's request remind through the same dependencies.
    const reminders: SendRemindersDependencies = {
      commandBus: this.commandBus,
      now: () => clock.now(),
      periodSettings: this.reportingSettings,
      compliance: async (period) =>
        (await this.queryBus.execute(new GetPeriodQuery(period))).compliance ?? [],
      reporters: (organisationId) => this.recipients.of(organisationId),
      municipalityName: settings.municipality.name,
      publicBaseUrl: config.publicBaseUrl,
    };
    jobs.registerProcessor(SEND_REMINDERS, sendRemindersProcessor(reminders));
    jobs.registerProcessor(SEND_REMINDERS_NOW, sendRemindersNowProcessor(reminders));
  }
}
