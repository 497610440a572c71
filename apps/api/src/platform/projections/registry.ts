import { auditLogProjection } from '../../audit/audit-log.projection.js';
import { identityProjection } from '../../identity/identity.projection.js';
import { publicPublicationsProjection } from '../../publication/public-publications.projection.js';
import { reportingProjections } from '../../reporting/reporting.projections.js';
import type { Projection } from './projection.js';
import { Upcasters } from './upcasters.js';

/**
 * Every read model of Läget, for the rebuild CLI (`npm run projections:rebuild -- <name>`), which
 * runs without the Nest application. A module that adds a projection lists it here too (the
 * CLI's `--all` test sets up and rebuilds every one). Reactors are not listed: rebuilding one
 * only re-derives job ids the queue already knows.
 */
export const projectionRegistry: readonly Projection[] = [
  identityProjection,
  ...reportingProjections,
  auditLogProjection,
  publicPublicationsProjection,
];

/**
 * The upcasters of every event type whose schema changed, so that the application and the CLI
 * read old events alike. Register each step here: `.register('IncidentReported', 1, (data) => …)`.
 */
export function applicationUpcasters(): Upcasters {
  return new Upcasters();
}

export function findProjection(name: string): Projection | undefined {
  return projectionRegistry.find((projection) => projection.name === name);
}
