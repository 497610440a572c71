import { defineFeature } from '../platform/feature.js';
import { reportingSettingsSchema } from './reporting.settings.js';
import { ReportingModule } from './reporting.module.js';
import { reportingProjections } from './reporting.projections.js';

/** Weekly reporting: periods, reports, incidents, statistics, places and compliance (platform/feature.ts). */
export const reportingFeature = defineFeature({
  name: 'reporting',
  module: ReportingModule,
  commandHandlers: [],
  queryHandlers: [],
  projections: reportingProjections,
  settings: reportingSettingsSchema,
});
