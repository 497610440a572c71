import { defineFeature } from '../platform/feature.js';
import { publicationCommandHandlers } from './commands/index.js';
import { publicationWebhookReactor } from './publication-webhook.js';
import { PublicationModule } from './publication.module.js';
import { publicationSettingsOf, publicationSettingsSchema } from './publication.settings.js';
import { publicPublicationsProjection } from './public-publications.projection.js';
import { publicationQueryHandlers } from './queries/index.js';
import { publicationReactor } from './publish-lagesbild.job.js';
import { remindersNowReactor } from './reminders-now.job.js';

/** The public site, its feed and PDFs, publication jobs and reminders (platform/feature.ts). */
export const publicationFeature = defineFeature({
  name: 'publication',
  module: PublicationModule,
  commandHandlers: publicationCommandHandlers,
  queryHandlers: publicationQueryHandlers,
  projections: [publicPublicationsProjection],
  reactors: (config) => [
    publicationReactor(),
    publicationWebhookReactor(publicationSettingsOf(config).webhook !== null),
    remindersNowReactor(),
  ],
  settings: publicationSettingsSchema,
});
