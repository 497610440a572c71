import { CrimeCategoriesHandler } from './crime-categories.query.js';
import { IncidentCategoriesHandler } from './incident-categories.query.js';
import { GetPeriodHandler } from './get-period.query.js';
import { GetReportHandler } from './get-report.query.js';
import { ListPeriodsHandler } from './list-periods.query.js';
import { ListReportsHandler } from './list-reports.query.js';
import { OrganisationsWithoutReportHandler } from './organisations-without-report.query.js';
import { GetPlaceHandler, ListPlacesHandler } from './places.query.js';
import { ReportingDeadlineHandler } from './reporting-deadline.query.js';
import { SubmittedSnapshotHandler, SubmittedSnapshotsHandler } from './submitted-snapshots.query.js';

export { CrimeCategoriesQuery } from './crime-categories.query.js';
export { IncidentCategoriesQuery } from './incident-categories.query.js';
export { GetPeriodQuery } from './get-period.query.js';
export { GetReportQuery } from './get-report.query.js';
export { ListPeriodsQuery } from './list-periods.query.js';
export { ListReportsQuery, type Page, type ReportSortField } from './list-reports.query.js';
export { OrganisationsWithoutReportQuery } from './organisations-without-report.query.js';
export { GetPlaceQuery, ListPlacesQuery } from './places.query.js';
export {
  PlaceAreasQuery,
  placeAreasOf,
  withAreas,
  type PlaceArea,
  type PlaceAreas,
} from './place-areas.query.js';
export { ReportingDeadlineQuery } from './reporting-deadline.query.js';
export { SubmittedSnapshotQuery, SubmittedSnapshotsQuery } from './submitted-snapshots.query.js';

/** Every read of reporting, each a query on the QueryBus. */
export const reportingQueryHandlers = [
  GetReportHandler,
  ListReportsHandler,
  GetPeriodHandler,
  ListPeriodsHandler,
  ListPlacesHandler,
  GetPlaceHandler,
  CrimeCategoriesHandler,
  IncidentCategoriesHandler,
  SubmittedSnapshotHandler,
  SubmittedSnapshotsHandler,
  ReportingDeadlineHandler,
  OrganisationsWithoutReportHandler,
];
