import type { ActionStatus, ProblemStatus } from '@laget/contracts';
import type { SqlExecutor } from '@laget/event-store';
import type { ActionState, PlannedAction } from './action.decider.js';
import type { IncidentRow } from './atgarder-views.js';
import type { OpenedProblem, ProblemState } from './problem.decider.js';

/**
 * The SQL over the tables of atgarder.projections.ts (beside them, so a table and every query
 * over it change together; docs/adr/0023).
 */

export interface ProblemFilter {
  status?: ProblemStatus;
  category?: string;
}

export async function problemRows(
  db: SqlExecutor,
  filter: ProblemFilter,
): Promise<Array<{ state: OpenedProblem; version: number }>> {
  const { rows } = await db.query<{ state: ProblemState; version: number }>(
    `SELECT state, version FROM atgarder_problems
      WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR category = $2)
      ORDER BY updated_at DESC, problem_id`,
    [filter.status ?? null, filter.category ?? null],
  );
  return rows.map((row) => ({ state: row.state as OpenedProblem, version: Number(row.version) }));
}

export interface ActionFilter {
  problemId?: string;
  ownerOrganisationId?: string;
  status?: ActionStatus;
  /** Only actions due on or before this date (the reporter's "what is due"). */
  dueOnOrBefore?: string;
}

export async function actionRows(
  db: SqlExecutor,
  filter: ActionFilter,
): Promise<Array<{ state: PlannedAction; version: number }>> {
  const { rows } = await db.query<{ state: ActionState; version: number }>(
    `SELECT state, version FROM atgarder_actions
      WHERE ($1::text IS NULL OR problem_id = $1) AND ($2::text IS NULL OR owner_organisation_id = $2)
        AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR due_on <= $4)
      ORDER BY due_on, action_id`,
    [
      filter.problemId ?? null,
      filter.ownerOrganisationId ?? null,
      filter.status ?? null,
      filter.dueOnOrBefore ?? null,
    ],
  );
  return rows.map((row) => ({ state: row.state as PlannedAction, version: Number(row.version) }));
}

const INCIDENT_COLUMNS = `incident_id, report_id, period, organisation_id, problem, location, place_id, category,
  severity, withdrawn`;

export async function incidentRow(db: SqlExecutor, incidentId: string): Promise<IncidentRow | null> {
  const { rows } = await db.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM atgarder_incidents WHERE incident_id = $1`,
    [incidentId],
  );
  return rows[0] ?? null;
}

export async function incidentRows(db: SqlExecutor, incidentIds: readonly string[]): Promise<IncidentRow[]> {
  if (incidentIds.length === 0) return [];
  const { rows } = await db.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM atgarder_incidents WHERE incident_id = ANY($1::text[])
      ORDER BY period, incident_id`,
    [[...incidentIds]],
  );
  return rows;
}

/**
 * Incidents that look like the problem's: at one of its places and, once incidents carry a
 * category, of its category, from `fromPeriod` on, not withdrawn and not linked already.
 */
export async function suggestedIncidentRows(
  db: SqlExecutor,
  problem: { placeIds: readonly string[]; category: string; incidentIds: readonly string[] },
  fromPeriod: string,
  limit = 50,
): Promise<IncidentRow[]> {
  if (problem.placeIds.length === 0) return [];
  const { rows } = await db.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM atgarder_incidents
      WHERE place_id = ANY($1::text[]) AND (category IS NULL OR category = $2) AND period >= $3
        AND NOT withdrawn AND NOT (incident_id = ANY($4::text[]))
      ORDER BY (category = $2) DESC NULLS LAST, period DESC, incident_id LIMIT $5`,
    [[...problem.placeIds], problem.category, fromPeriod, [...problem.incidentIds], limit],
  );
  return rows;
}

/** Every action still planned or ongoing, with the date of its latest follow-up (for reminders). */
export async function openActionRows(
  db: SqlExecutor,
): Promise<Array<{ state: PlannedAction; lastFollowUpOn: string | null }>> {
  const { rows } = await db.query<{ state: ActionState; last_follow_up_on: string | null }>(
    `SELECT state, last_follow_up_on FROM atgarder_actions WHERE status IN ('planned', 'ongoing')
      ORDER BY due_on, action_id`,
  );
  return rows.map((row) => ({ state: row.state as PlannedAction, lastFollowUpOn: row.last_follow_up_on }));
}

/** Actions ongoing within [from, to] or due in it (not cancelled), with their problem's title and owner's name. */
export async function ongoingActionRows(
  db: SqlExecutor,
  from: string,
  to: string,
): Promise<Array<{ state: PlannedAction; problemTitle: string | null; organisationName: string | null }>> {
  const { rows } = await db.query<{
    state: ActionState;
    problem_title: string | null;
    organisation_name: string | null;
  }>(
    `SELECT a.state, p.title AS problem_title, o.name AS organisation_name
       FROM atgarder_actions a
       LEFT JOIN atgarder_problems p ON p.problem_id = a.problem_id
       LEFT JOIN reporting_organisations o ON o.organisation_id = a.owner_organisation_id
      WHERE (a.status = 'ongoing' AND a.starts_on <= $2 AND a.due_on >= $1)
         OR (a.status <> 'cancelled' AND a.due_on BETWEEN $1 AND $2)
      ORDER BY a.due_on, a.action_id`,
    [from, to],
  );
  return rows.map((row) => ({
    state: row.state as PlannedAction,
    problemTitle: row.problem_title,
    organisationName: row.organisation_name,
  }));
}

/** Every not-cancelled action of these problems, with its problem's title and owner's name (the åtgärdsplan). */
export async function planActionRows(
  db: SqlExecutor,
  problemIds: readonly string[],
): Promise<Array<{ state: PlannedAction; problemTitle: string | null; organisationName: string | null }>> {
  if (problemIds.length === 0) return [];
  const { rows } = await db.query<{
    state: ActionState;
    problem_title: string | null;
    organisation_name: string | null;
  }>(
    `SELECT a.state, p.title AS problem_title, o.name AS organisation_name
       FROM atgarder_actions a
       LEFT JOIN atgarder_problems p ON p.problem_id = a.problem_id
       LEFT JOIN reporting_organisations o ON o.organisation_id = a.owner_organisation_id
      WHERE a.problem_id = ANY($1::text[]) AND a.status <> 'cancelled'
      ORDER BY a.problem_id, a.due_on, a.action_id`,
    [[...problemIds]],
  );
  return rows.map((row) => ({
    state: row.state as PlannedAction,
    problemTitle: row.problem_title,
    organisationName: row.organisation_name,
  }));
}
