import type { ProjectionStall } from '@laget/contracts';

/**
 * A read model stopped at an event it cannot apply (docs/adr/0016): `/health/ready` answers 503
 * and names it. The dashboards read that answer and say it in Swedish.
 */
const isStall = (value: unknown): value is ProjectionStall => {
  if (typeof value !== 'object' || value === null) return false;
  const { projection, position, eventType, reason } = value as Partial<ProjectionStall>;
  return (
    typeof projection === 'string' &&
    typeof position === 'number' &&
    typeof eventType === 'string' &&
    typeof reason === 'string'
  );
};

/**
 * The stalls in a `/health/ready` answer: the contract's error body (`details` holds Terminus's
 * report) or Terminus's report itself. Anything else (an answer without stalls, a proxy's HTML
 * page) gives none.
 */
export function stalledProjectionsIn(body: unknown): ProjectionStall[] {
  if (typeof body !== 'object' || body === null) return [];
  const report = 'statusCode' in body ? (body as { details?: unknown }).details : body;
  const stalled = (report as { error?: { projections?: { stalled?: unknown } } } | undefined)?.error
    ?.projections?.stalled;
  return Array.isArray(stalled) ? stalled.filter(isStall) : [];
}

/** The projections the panel has words for; any other shows under its own name. */
export const KNOWN_PROJECTIONS = [
  'audit-log',
  'identity',
  'reporting.reports',
  'reporting.periods',
  'reporting.places',
  'reporting.organisations',
  'public-publications',
] as const;

/** The i18n key of a projection's name (dots would nest in the messages, so they become underscores). */
export function projectionNameKey(projection: string): string | null {
  return (KNOWN_PROJECTIONS as readonly string[]).includes(projection)
    ? `laget.dashboard.stalled.names.${projection.replace(/[.-]/g, '_')}`
    : null;
}
