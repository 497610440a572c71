/**
 * What other features may use of reporting: its queries (dispatched on the QueryBus), its
 * settings provider, and its Nest module to import.
 */
export { ReportingModule } from './reporting.module.js';
export { REPORTING_SETTINGS } from './reporting.tokens.js';
export type { ReportingSettings } from './reporting.settings.js';
export {
  GetPeriodQuery,
  IncidentCategoriesQuery,
  ListPlacesQuery,
  OrganisationsWithoutReportQuery,
  ReportingDeadlineQuery,
  SubmittedSnapshotQuery,
  SubmittedSnapshotsQuery,
} from './queries/index.js';
