import type { SqlExecutor } from '@laget/event-store';
import { defineProjection } from '../projection.js';

/**
 * A representative read model for tests and the rebuild benchmark (not part of the product): a
 * list of incidents with amendments and withdrawals, and a count per organisation and period.
 * It applies a whole batch with two or three statements, the way a projection that must rebuild
 * fast is written: fold the batch in memory, then write each table once.
 */
export type IncidentLogEvent =
  | {
      type: 'TestIncidentReported';
      data: { incidentId: string; organisationId: string; period: string; problem: string; severity: number };
    }
  | { type: 'TestIncidentAmended'; data: { incidentId: string; problem: string; severity: number } }
  | { type: 'TestIncidentWithdrawn'; data: { incidentId: string } };

interface Row {
  incident_id: string;
  organisation_id: string;
  period: string;
  problem: string;
  severity: number;
  revision: number;
}

export function incidentLogProjection(name = 'test-incident-log', version = 1) {
  const incidents = `${name.replace(/-/g, '_')}_incidents`;
  const counts = `${name.replace(/-/g, '_')}_counts`;
  return defineProjection<IncidentLogEvent>({
    name,
    version,
    eventTypes: ['TestIncidentReported', 'TestIncidentAmended', 'TestIncidentWithdrawn'],
    async setup(sql) {
      await sql.query(`CREATE TABLE IF NOT EXISTS ${incidents} (
        incident_id text PRIMARY KEY, organisation_id text NOT NULL, period text NOT NULL,
        problem text NOT NULL, severity integer NOT NULL, revision integer NOT NULL)`);
      await sql.query(`CREATE TABLE IF NOT EXISTS ${counts} (
        organisation_id text NOT NULL, period text NOT NULL, incidents integer NOT NULL,
        PRIMARY KEY (organisation_id, period))`);
    },
    async reset(sql) {
      await sql.query(`TRUNCATE ${incidents}, ${counts}`);
    },
    async apply(events, sql) {
      const changed = new Map<string, Row | null>();
      const loaded = await existing(
        sql,
        incidents,
        events.filter((e) => e.type !== 'TestIncidentReported').map((e) => e.data.incidentId),
      );
      const current = (id: string) => (changed.has(id) ? changed.get(id)! : (loaded.get(id) ?? null));
      const delta = new Map<string, number>();
      const count = (row: Row, by: number) => {
        const key = JSON.stringify([row.organisation_id, row.period]);
        delta.set(key, (delta.get(key) ?? 0) + by);
      };
      for (const event of events) {
        switch (event.type) {
          case 'TestIncidentReported': {
            const { incidentId, organisationId, period, problem, severity } = event.data;
            const row = {
              incident_id: incidentId,
              organisation_id: organisationId,
              period,
              problem,
              severity,
              revision: 1,
            };
            changed.set(incidentId, row);
            count(row, 1);
            break;
          }
          case 'TestIncidentAmended': {
            const row = current(event.data.incidentId);
            if (row) {
              changed.set(row.incident_id, {
                ...row,
                problem: event.data.problem,
                severity: event.data.severity,
                revision: row.revision + 1,
              });
            }
            break;
          }
          case 'TestIncidentWithdrawn': {
            const row = current(event.data.incidentId);
            if (row) count(row, -1);
            changed.set(event.data.incidentId, null);
            break;
          }
        }
      }
      const upserts = [...changed.values()].filter((row): row is Row => row !== null);
      const deletes = [...changed.entries()].filter(([, row]) => row === null).map(([id]) => id);
      if (upserts.length > 0) {
        await sql.query(
          `INSERT INTO ${incidents} (incident_id, organisation_id, period, problem, severity, revision)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[])
           ON CONFLICT (incident_id) DO UPDATE SET problem = EXCLUDED.problem, severity = EXCLUDED.severity,
             revision = EXCLUDED.revision`,
          [
            upserts.map((r) => r.incident_id),
            upserts.map((r) => r.organisation_id),
            upserts.map((r) => r.period),
            upserts.map((r) => r.problem),
            upserts.map((r) => r.severity),
            upserts.map((r) => r.revision),
          ],
        );
      }
      if (deletes.length > 0)
        await sql.query(`DELETE FROM ${incidents} WHERE incident_id = ANY($1::text[])`, [deletes]);
      const tallies = [...delta.entries()].filter(([, by]) => by !== 0);
      if (tallies.length > 0) {
        const keys = tallies.map(([key]) => JSON.parse(key) as [string, string]);
        await sql.query(
          `INSERT INTO ${counts} (organisation_id, period, incidents)
           SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
           ON CONFLICT (organisation_id, period) DO UPDATE SET incidents = ${counts}.incidents + EXCLUDED.incidents`,
          [keys.map((k) => k[0]), keys.map((k) => k[1]), tallies.map(([, by]) => by)],
        );
        // A count back at zero is no row, as it would be had the whole history come in one batch.
        await sql.query(`DELETE FROM ${counts} WHERE incidents = 0`);
      }
    },
  });
}

async function existing(sql: SqlExecutor, table: string, ids: string[]): Promise<Map<string, Row>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql.query<Row>(`SELECT * FROM ${table} WHERE incident_id = ANY($1::text[])`, [
    [...new Set(ids)],
  ]);
  return new Map(
    rows.map((row) => [
      row.incident_id,
      { ...row, severity: Number(row.severity), revision: Number(row.revision) },
    ]),
  );
}

/** The read model, sorted, for comparing two builds of it; `idPrefix` keeps to one test's incidents and organisations. */
export async function incidentLogSnapshot(sql: SqlExecutor, name = 'test-incident-log', idPrefix = '') {
  const incidents = `${name.replace(/-/g, '_')}_incidents`;
  const counts = `${name.replace(/-/g, '_')}_counts`;
  const like = `${idPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    incidents: (
      await sql.query(`SELECT * FROM ${incidents} WHERE incident_id LIKE $1 ORDER BY incident_id`, [like])
    ).rows,
    counts: (
      await sql.query(
        `SELECT * FROM ${counts} WHERE organisation_id LIKE $1 ORDER BY organisation_id, period`,
        [like],
      )
    ).rows,
  };
}
