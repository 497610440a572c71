import { GetJobHandler, ListJobsHandler } from './jobs.query.js';
import { LagesbildVersionPdfHandler } from './lagesbild-version-pdf.query.js';
import { OpenMapPreviewHandler, OpenMapToApproveHandler } from './open-map-preview.query.js';
import { PublicListHandler } from './public-list.query.js';
import { PublicPublicationHandler } from './public-publication.query.js';
import { PublicSchemaHandler } from './public-schema.query.js';
import { PublicationToPublishHandler } from './publication-to-publish.query.js';
import { QueueHealthHandler } from './queue-health.query.js';

export { GetJobQuery, ListJobsQuery } from './jobs.query.js';
export { LagesbildVersionPdfQuery, INTERNAL_MARKING } from './lagesbild-version-pdf.query.js';
export { OpenMapPreviewQuery } from './open-map-preview.query.js';
export { PublicListQuery } from './public-list.query.js';
export { PublicPublicationQuery } from './public-publication.query.js';
export { PublicSchemaQuery } from './public-schema.query.js';
export { PublicationToPublishQuery, type PublicationToPublish } from './publication-to-publish.query.js';
export { QueueHealthQuery } from './queue-health.query.js';
export type { PublicResource } from './public-resource.js';

/** Every read of the publication feature: the public site, jobs, queue health, the week to publish. */
export const publicationQueryHandlers = [
  PublicListHandler,
  PublicPublicationHandler,
  PublicSchemaHandler,
  ListJobsHandler,
  GetJobHandler,
  QueueHealthHandler,
  PublicationToPublishHandler,
  LagesbildVersionPdfHandler,
  OpenMapPreviewHandler,
  OpenMapToApproveHandler,
];
