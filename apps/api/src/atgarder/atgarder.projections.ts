import { createIndexIfMissing } from '@laget/event-store';
import type { DomainEvent } from '../platform/domain/decider.js';
import { defineProjection, type Projection } from '../platform/projections/projection.js';
import type { ReportEvent } from '../reporting/report.decider.js';
import { ACTION_EVENT_TYPES, type ActionEvent, type ActionState, actionDecider } from './action.decider.js';
import type { PlanEvent } from './plan/plan.decider.js';
import {
  PROBLEM_EVENT_TYPES,
  type ProblemEvent,
  type ProblemState,
  problemDecider,
} from './problem.decider.js';

/**
 * The read models of problems and actions (lists, the reporter's start page, reminders) and the
 * incidents of every week as the problem page and link suggestions need them. Each problem and
 * action row keeps its state as folded by the decider's own `evolve` (so the list shows exactly
 * what the stream does); the columns beside it are what lists filter and sort on.
 */

export const problemsProjection = defineProjection<ProblemEvent>({
  name: 'atgarder.problems',
  eventTypes: PROBLEM_EVENT_TYPES,
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS atgarder_problems (
        problem_id text PRIMARY KEY,
        status text NOT NULL,
        category text NOT NULL,
        title text NOT NULL,
        state jsonb NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM atgarder_problems');
  },
  handle: async (event, sql) => {
    const { rows } = await sql.query<{ state: ProblemState }>(
      'SELECT state FROM atgarder_problems WHERE problem_id = $1',
      [event.data.problemId],
    );
    const state = problemDecider.evolve(
      rows[0]?.state ?? problemDecider.initialState(),
      event as ProblemEvent,
    );
    if (!('problemId' in state)) return;
    await sql.query(
      `INSERT INTO atgarder_problems (problem_id, status, category, title, state, version, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
       ON CONFLICT (problem_id) DO UPDATE SET status = $2, category = $3, title = $4, state = $5::jsonb,
         version = $6, updated_at = $7`,
      [
        state.problemId,
        state.status,
        state.category,
        state.title,
        JSON.stringify(state),
        event.streamVersion,
        event.metadata.occurredAt ?? event.recordedAt,
      ],
    );
  },
});

export const actionsProjection = defineProjection<ActionEvent>({
  name: 'atgarder.actions',
  eventTypes: ACTION_EVENT_TYPES,
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS atgarder_actions (
        action_id text PRIMARY KEY,
        problem_id text NOT NULL,
        owner_organisation_id text NOT NULL,
        status text NOT NULL,
        starts_on text NOT NULL,
        due_on text NOT NULL,
        last_follow_up_on text,
        public boolean NOT NULL,
        state jsonb NOT NULL,
        version integer NOT NULL
      )`);
    await createIndexIfMissing(
      sql,
      'atgarder_actions_problem',
      'CREATE INDEX IF NOT EXISTS atgarder_actions_problem ON atgarder_actions (problem_id)',
    );
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM atgarder_actions');
  },
  handle: async (event, sql) => {
    const { rows } = await sql.query<{ state: ActionState }>(
      'SELECT state FROM atgarder_actions WHERE action_id = $1',
      [event.data.actionId],
    );
    const state = actionDecider.evolve(rows[0]?.state ?? actionDecider.initialState(), event as ActionEvent);
    if (state.kind === 'none') return;
    await sql.query(
      `INSERT INTO atgarder_actions (action_id, problem_id, owner_organisation_id, status, starts_on, due_on,
         last_follow_up_on, public, state, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
       ON CONFLICT (action_id) DO UPDATE SET owner_organisation_id = $3, status = $4, starts_on = $5,
         due_on = $6, last_follow_up_on = $7, public = $8, state = $9::jsonb, version = $10`,
      [
        state.actionId,
        state.problemId,
        state.ownerOrganisationId,
        state.status,
        state.startsOn,
        state.dueOn,
        state.followUps.at(-1)?.on ?? null,
        state.public,
        JSON.stringify(state),
        event.streamVersion,
      ],
    );
  },
});

type IncidentSourceEvent = Extract<
  ReportEvent,
  { type: 'ReportOpened' | 'IncidentReported' | 'IncidentEdited' | 'IncidentWithdrawn' }
>;

/** The incident columns an edit can change, by the change's field path. */
const INCIDENT_COLUMNS: Record<string, string> = {
  problem: 'problem',
  location: 'location',
  placeId: 'place_id',
  category: 'category',
  'assessment.severity': 'severity',
};

/**
 * Every incident of every week with its report's week and organisation: what the coordinator
 * links to a problem and what suggestions are drawn from (same place and category).
 */
export const incidentsProjection = defineProjection<IncidentSourceEvent>({
  name: 'atgarder.incidents',
  eventTypes: ['ReportOpened', 'IncidentReported', 'IncidentEdited', 'IncidentWithdrawn'],
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS atgarder_reports (
        report_id text PRIMARY KEY,
        period text NOT NULL,
        organisation_id text NOT NULL
      )`);
    await sql.query(`
      CREATE TABLE IF NOT EXISTS atgarder_incidents (
        incident_id text PRIMARY KEY,
        report_id text NOT NULL,
        period text NOT NULL,
        organisation_id text NOT NULL,
        problem text NOT NULL,
        location text NOT NULL,
        place_id text,
        category text,
        severity integer,
        withdrawn boolean NOT NULL DEFAULT false
      )`);
    await createIndexIfMissing(
      sql,
      'atgarder_incidents_place',
      'CREATE INDEX IF NOT EXISTS atgarder_incidents_place ON atgarder_incidents (place_id, period)',
    );
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM atgarder_incidents');
    await sql.query('DELETE FROM atgarder_reports');
  },
  handle: async (event, sql) => {
    const reportId = event.streamId.replace(/^report-/, '');
    switch (event.type) {
      case 'ReportOpened':
        await sql.query(
          `INSERT INTO atgarder_reports (report_id, period, organisation_id) VALUES ($1, $2, $3)
           ON CONFLICT (report_id) DO NOTHING`,
          [event.data.reportId, event.data.period, event.data.organisationId],
        );
        return;
      case 'IncidentReported': {
        const { incidentId, incident } = event.data;
        // Incidents reported before categories are upcast to `okategoriserad` (issue 18).
        const category: unknown = incident.category;
        await sql.query(
          `INSERT INTO atgarder_incidents (incident_id, report_id, period, organisation_id, problem, location,
             place_id, category, severity)
           SELECT $1, r.report_id, r.period, r.organisation_id, $3, $4, $5, $6, $7
             FROM atgarder_reports r WHERE r.report_id = $2
           ON CONFLICT (incident_id) DO NOTHING`,
          [
            incidentId,
            reportId,
            incident.problem,
            incident.location,
            incident.placeId ?? null,
            typeof category === 'string' ? category : null,
            incident.assessment?.severity ?? null,
          ],
        );
        return;
      }
      case 'IncidentEdited':
        for (const { field, after } of event.data.changes) {
          const column = INCIDENT_COLUMNS[field];
          if (!column || !Object.hasOwn(INCIDENT_COLUMNS, field)) continue;
          await sql.query(`UPDATE atgarder_incidents SET ${column} = $2 WHERE incident_id = $1`, [
            event.data.incidentId,
            after ?? null,
          ]);
        }
        return;
      case 'IncidentWithdrawn':
        await sql.query('UPDATE atgarder_incidents SET withdrawn = true WHERE incident_id = $1', [
          event.data.incidentId,
        ]);
        return;
    }
  },
});

/** Published åtgärdsplaner (the public feed lists them); a retracted one is gone from the list. */
export const plansProjection = defineProjection<PlanEvent>({
  name: 'atgarder.plans',
  eventTypes: ['AtgardsplanPublished', 'AtgardsplanRetracted'],
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS atgarder_plans (
        year integer PRIMARY KEY,
        revision integer NOT NULL,
        published_at timestamptz NOT NULL
      )`);
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM atgarder_plans');
  },
  handle: async (event, sql) => {
    const year = Number(event.streamId.replace(/^atgardsplan-/, ''));
    if (!Number.isInteger(year)) return;
    if (event.type === 'AtgardsplanRetracted') {
      await sql.query('DELETE FROM atgarder_plans WHERE year = $1', [year]);
      return;
    }
    if (event.type !== 'AtgardsplanPublished') return;
    await sql.query(
      `INSERT INTO atgarder_plans (year, revision, published_at) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE SET revision = $2, published_at = $3`,
      [year, event.data.revision, event.data.publishedAt],
    );
  },
});

export const atgarderProjections: readonly Projection[] = [
  problemsProjection,
  actionsProjection,
  incidentsProjection,
  plansProjection,
] as unknown as readonly Projection<DomainEvent>[];
