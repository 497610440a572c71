/**
 * Stream names of the reporting module. A report's id is derived from its period and
 * organisation, so "one report per organisation and period" is enforced by the event store
 * itself (the first append expects no stream), with no read model in the way.
 */
export const reportIdFor = (period: string, organisationId: string) => `${period}.${organisationId}`;
export const reportStream = (reportId: string) => `report-${reportId}`;
/** Who read another organisation's report, and which version (kept apart from the report's own history). */
export const reportReadStream = (reportId: string) => `reportread-${reportId}`;
export { PLACE_REGISTER_STREAM } from './place-register.decider.js';
