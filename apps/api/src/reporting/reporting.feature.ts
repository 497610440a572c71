import { defineFeature } from '../platform/feature.js';
import { reportingCommandHandlers } from './commands/index.js';
import { registerIncidentCategoryUpcaster } from './incident-category.upcaster.js';
import { reportingQueryHandlers } from './queries/index.js';
import { reportingSettingsSchema } from './reporting.settings.js';
import { ReportingModule } from './reporting.module.js';
import { reportingProjections } from './reporting.projections.js';

/** Weekly reporting: periods, reports, incidents, statistics, places and compliance (platform/feature.ts). */
export const reportingFeature = defineFeature({
  name: 'reporting',
  module: ReportingModule,
  commandHandlers: reportingCommandHandlers,
  queryHandlers: reportingQueryHandlers,
  projections: reportingProjections,
  settings: reportingSettingsSchema,
  upcasters: registerIncidentCategoryUpcaster,
});
