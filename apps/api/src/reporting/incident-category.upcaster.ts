import { UNCATEGORISED } from '@laget/contracts';
import type { Upcasters } from '../platform/projections/upcasters.js';

/**
 * Incidents reported before categories existed (issue 18) are read as `okategoriserad`, with no
 * tags. Every event is still stamped schema version 1 when it is written (metadataFor), so this
 * step also sees new events: it only fills what is absent and leaves a given category alone.
 */
export function registerIncidentCategoryUpcaster(upcasters: Upcasters): void {
  upcasters.register('IncidentReported', 1, (data) => {
    if (!isRecord(data) || !isRecord(data.incident)) return data;
    const incident = data.incident;
    if (typeof incident.category === 'string' && Array.isArray(incident.tags)) return data;
    return {
      ...data,
      incident: {
        ...incident,
        category: typeof incident.category === 'string' ? incident.category : UNCATEGORISED,
        tags: Array.isArray(incident.tags) ? incident.tags : [],
      },
    };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
