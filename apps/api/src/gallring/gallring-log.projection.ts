import { defineProjection } from '../platform/projections/projection.js';
import type { GallringEvent } from './gallring.decider.js';

/**
 * The registrar's report (issue 17, item 4): one row per kind and run or erasure, when, by which
 * rule or on which legal ground, and how many; never the content (the events carry none).
 */
export const gallringLogProjection = defineProjection<GallringEvent>({
  name: 'gallring-log',
  version: 1,
  eventTypes: ['GallringRan', 'PersonalDataErased'],
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS gallring_log (
        reference text NOT NULL,
        kind text NOT NULL,
        at timestamptz NOT NULL,
        what text NOT NULL,
        by_actor text NOT NULL,
        legal_ground text,
        count integer NOT NULL,
        PRIMARY KEY (reference, kind)
      )`);
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM gallring_log');
  },
  handle: async (event, sql) => {
    const rows =
      event.type === 'GallringRan'
        ? [
            ...event.data.counts.map((count) => ({ kind: count.kind, count: count.subjects })),
            { kind: 'append_keys', count: event.data.appendKeysPruned },
            ...(event.data.storedCopiesPruned
              ? [{ kind: 'stored_copies', count: event.data.storedCopiesPruned }]
              : []),
          ].map((row) => ({ ...row, reference: event.data.runId, what: 'rule', legalGround: null }))
        : countsByKind(event.data.locations, event.data.storedCopies ?? 0).map(([kind, count]) => ({
            kind,
            count,
            reference: event.data.erasureId,
            what: 'request',
            legalGround: event.data.legalGround,
          }));
    for (const row of rows) {
      await sql.query(
        `INSERT INTO gallring_log (reference, kind, at, what, by_actor, legal_ground, count)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (reference, kind) DO NOTHING`,
        [
          row.reference,
          row.kind,
          event.data.at,
          row.what,
          event.metadata.actorId,
          row.legalGround,
          row.count,
        ],
      );
    }
  },
});

function countsByKind(
  locations: readonly { kind: string; values: number }[],
  storedCopies: number,
): [string, number][] {
  const counts = new Map<string, number>();
  for (const location of locations)
    counts.set(location.kind, (counts.get(location.kind) ?? 0) + location.values);
  if (storedCopies > 0) counts.set('stored_copies', storedCopies);
  return counts.size === 0 ? [['none', 0]] : [...counts];
}
