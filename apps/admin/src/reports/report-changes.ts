import type { IncidentView, ReportView } from '@laget/contracts';

/**
 * What changed between the report a person was editing and the one the server holds now, so a
 * 409 can say "someone else changed this" in words rather than just reloading.
 */
export type ReportChange =
  | { kind: 'status'; from: string; to: string }
  | { kind: 'narrative' }
  | { kind: 'attendance'; from: string; to: string }
  | { kind: 'statistics' }
  | { kind: 'incident_added'; problem: string }
  | { kind: 'incident_removed'; problem: string }
  | { kind: 'incident_changed'; problem: string };

type Comparable = Pick<ReportView, 'status' | 'narrative' | 'incidents'> &
  Partial<Pick<ReportView, 'attendance' | 'statistics'>>;

const incidentFields: (keyof IncidentView)[] = [
  'problem',
  'category',
  'tags',
  'location',
  'placeId',
  'occurredAt',
  'frequency',
  'assessment',
  'comment',
];

export function reportChanges(before: Comparable, after: Comparable): ReportChange[] {
  const changes: ReportChange[] = [];
  if (before.status !== after.status) changes.push({ kind: 'status', from: before.status, to: after.status });
  if (before.attendance !== after.attendance && after.attendance !== undefined)
    changes.push({ kind: 'attendance', from: String(before.attendance), to: after.attendance });
  if (before.narrative !== after.narrative) changes.push({ kind: 'narrative' });
  if (JSON.stringify(before.statistics ?? null) !== JSON.stringify(after.statistics ?? null))
    changes.push({ kind: 'statistics' });
  const beforeById = new Map(before.incidents.map((incident) => [incident.id, incident]));
  const afterIds = new Set(after.incidents.map((incident) => incident.id));
  for (const incident of after.incidents) {
    const old = beforeById.get(incident.id);
    if (!old) changes.push({ kind: 'incident_added', problem: incident.problem });
    else if (incidentFields.some((field) => JSON.stringify(old[field]) !== JSON.stringify(incident[field])))
      changes.push({ kind: 'incident_changed', problem: incident.problem });
  }
  for (const incident of before.incidents)
    if (!afterIds.has(incident.id)) changes.push({ kind: 'incident_removed', problem: incident.problem });
  return changes;
}
