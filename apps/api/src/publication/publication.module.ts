import { Module } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import { AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/index.js';
import { READ_DB } from '../platform/platform.tokens.js';
import { ReportingModule } from '../reporting/reporting.module.js';
import { BullBoardLogin } from './bull-board-login.js';
import { publicationCommandHandlers } from './commands/index.js';
import { JobsController } from './jobs.controller.js';
import { LagesbildPdfController } from './lagesbild-pdf.controller.js';
import type { PublicSite } from './public-pages.js';
import { PublicSiteController } from './public-site.controller.js';
import { RemindersController } from './reminders.controller.js';
import { PublicationArtefacts } from './publication-artefacts.js';
import { ReminderRecipients } from './reminder-recipients.js';
import { PublicationProcessors } from './publication-processors.js';
import { PublicationQueues } from './publication-queues.js';
import { publicationSettingsOf, type PublicationSettings } from './publication.settings.js';
import { PUBLICATION_ARTEFACTS, PUBLICATION_SETTINGS, PUBLIC_SITE } from './publication.tokens.js';
import { publicationQueryHandlers } from './queries/index.js';

/**
 * Publication (issue 6): the publication job, the public site, the Atom feed, webhook, weekly
 * reminders and the coordinator's `POST /api/periods/:period/reminders`, `GET /api/jobs` and
 * Bull Board at /admin/queues. Its projection and reactors are declared in publication.feature.ts.
 */
@Module({
  imports: [IdentityModule, ReportingModule],
  controllers: [PublicSiteController, JobsController, RemindersController, LagesbildPdfController],
  providers: [
    { provide: PUBLICATION_SETTINGS, useFactory: publicationSettingsOf, inject: [AppConfig] },
    {
      provide: PUBLICATION_ARTEFACTS,
      useFactory: (db: SqlDatabase) => PublicationArtefacts.open(db),
      inject: [READ_DB],
    },
    {
      provide: PUBLIC_SITE,
      useFactory: (settings: PublicationSettings, config: AppConfig): PublicSite => ({
        municipality: settings.municipality,
        baseUrl: config.publicBaseUrl,
      }),
      inject: [PUBLICATION_SETTINGS, AppConfig],
    },
    BullBoardLogin,
    PublicationQueues,
    PublicationProcessors,
    ReminderRecipients,
    ...publicationCommandHandlers,
    ...publicationQueryHandlers,
  ],
})
export class PublicationModule {}
