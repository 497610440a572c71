import type { SqlDatabase } from '@laget/event-store';
import type { LagesbildEvent } from '../lagesbild/lagesbild.decider.js';
import { defineProjection } from '../platform/projections/projection.js';
import { periodOfStream } from '../lagesbild/lagesbild-stream.js';

/**
 * Which publications exist and which are live: a projection of the lägesbild's publication events
 * (rebuildable from the log). The content and the PDF it points to are in PublicationArtefacts.
 */
export const publicPublicationsProjection = defineProjection<LagesbildEvent>({
  name: 'public-publications',
  version: 1,
  eventTypes: ['PublicationRequested', 'LagesbildPublished', 'PublicationFailed', 'PublicationRetracted'],
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS public_publications (
        period text NOT NULL,
        publication_number integer NOT NULL,
        revision integer NOT NULL,
        content_hash text NOT NULL,
        correction jsonb,
        state text NOT NULL,
        published_at timestamptz,
        PRIMARY KEY (period, publication_number)
      )`);
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM public_publications');
  },
  handle: async (event, sql) => {
    const period = periodOfStream(event.streamId);
    switch (event.type) {
      case 'PublicationRequested':
        await sql.query(
          `INSERT INTO public_publications (period, publication_number, revision, content_hash, correction, state)
           VALUES ($1, $2, $3, $4, $5::jsonb, 'requested') ON CONFLICT (period, publication_number) DO NOTHING`,
          [
            period,
            event.data.publicationNumber,
            event.data.revision,
            event.data.contentHash,
            JSON.stringify(event.data.correction),
          ],
        );
        return;
      case 'LagesbildPublished':
        await sql.query(
          `UPDATE public_publications SET state = 'published', published_at = $3
            WHERE period = $1 AND publication_number = $2`,
          [period, event.data.publicationNumber, event.data.publishedAt],
        );
        return;
      case 'PublicationFailed':
        await sql.query(
          `UPDATE public_publications SET state = 'failed' WHERE period = $1 AND publication_number = $2`,
          [period, event.data.publicationNumber],
        );
        return;
      case 'PublicationRetracted':
        await sql.query(
          `UPDATE public_publications SET state = 'retracted' WHERE period = $1 AND publication_number = $2`,
          [period, event.data.publicationNumber],
        );
        return;
      default:
        return;
    }
  },
});

/** One publication as the public site knows it, without its content. */
export interface PublicationEntry {
  period: string;
  publicationNumber: number;
  revision: number;
  contentHash: string;
  correction: { what: string; why: string } | null;
  publishedAt: Date;
}

interface Row {
  period: string;
  publication_number: number;
  revision: number;
  content_hash: string;
  correction: PublicationEntry['correction'] | string | null;
  state: string;
  published_at: string | Date | null;
}

/**
 * What the public may see: the published publications of every week whose latest publication is
 * not retracted. A retracted week disappears whole, earlier publications included, until a
 * correction is published.
 */
export function visiblePublications(rows: readonly Row[]): PublicationEntry[] {
  const latestState = new Map<string, { number: number; state: string }>();
  for (const row of rows) {
    if (row.state !== 'published' && row.state !== 'retracted') continue;
    const current = latestState.get(row.period);
    if (!current || Number(row.publication_number) > current.number) {
      latestState.set(row.period, { number: Number(row.publication_number), state: row.state });
    }
  }
  return rows
    .filter((row) => row.state === 'published' && latestState.get(row.period)?.state === 'published')
    .map((row) => ({
      period: row.period,
      publicationNumber: Number(row.publication_number),
      revision: Number(row.revision),
      contentHash: row.content_hash,
      correction: typeof row.correction === 'string' ? JSON.parse(row.correction) : row.correction,
      publishedAt: new Date(row.published_at!),
    }));
}

export async function loadVisiblePublications(db: SqlDatabase, period?: string): Promise<PublicationEntry[]> {
  const { rows } = await db.query<Row>(
    `SELECT * FROM public_publications WHERE state IN ('published', 'retracted')
     ${period ? 'AND period = $1' : ''} ORDER BY period DESC, publication_number DESC`,
    period ? [period] : [],
  );
  return visiblePublications(rows);
}
