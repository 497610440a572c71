import type { DocumentSection } from '@laget/contracts';
import { type SqlDatabase, type SqlExecutor, withStartupSchemaLock } from '@laget/event-store';
import { canonicalJson, sha256, sha256Hex } from '../lagesbild/content-hash.js';
import { storableJson } from '../platform/storable-text.js';
import type { OpenMap } from './open-map.js';

/**
 * What the publication job produced, kept in the read store: the open content by its approved
 * content hash, the PDF by its own hash, and per publication which of each it is and the time it
 * was published. These are not a projection (a rebuild could not render them again the same way
 * once the lägesbild has moved on); the public site's projection only points into them.
 *
 * Every write is insert-if-absent, so a job that crashed half way and runs again finds what it
 * stored before and keeps the first publication time, which the PDF prints and is dated by.
 */
export interface Rendering {
  period: string;
  publicationNumber: number;
  revision: number;
  contentHash: string;
  publishedAt: Date;
  pdfHash: string | null;
}

interface RenderingRow {
  period: string;
  publication_number: number;
  revision: number;
  content_hash: string;
  published_at: string | Date;
  pdf_hash: string | null;
}

export class PublicationArtefacts {
  constructor(private readonly db: SqlDatabase) {}

  static async open(db: SqlDatabase): Promise<PublicationArtefacts> {
    await withStartupSchemaLock(db, setupArtefactTables);
    return new PublicationArtefacts(db);
  }

  /**
   * Stores the open content under its hash after checking that it is the content approved: the
   * same computation as the lägesbild's own `openContentHash`.
   */
  async putContent(contentHash: string, period: string, sections: DocumentSection[]): Promise<void> {
    const actual = openContentHashOf(period, sections);
    if (actual !== contentHash) {
      throw new Error(`Open content of ${period} hashes to ${actual}, not the approved ${contentHash}`);
    }
    await this.db.query(
      `INSERT INTO publication_contents (content_hash, period, sections) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (content_hash) DO NOTHING`,
      // The hash above is of the approved content as given; what is stored (and served) has what
      // jsonb cannot hold replaced (docs/adr/0016), as the read models have.
      [contentHash, period, storableJson(sections)],
    );
  }

  async content(contentHash: string): Promise<DocumentSection[] | null> {
    const { rows } = await this.db.query<{ sections: DocumentSection[] | string }>(
      'SELECT sections FROM publication_contents WHERE content_hash = $1',
      [contentHash],
    );
    const sections = rows[0]?.sections;
    if (sections === undefined) return null;
    return typeof sections === 'string' ? (JSON.parse(sections) as DocumentSection[]) : sections;
  }

  async putPdf(pdf: Buffer): Promise<string> {
    const pdfHash = sha256Hex(pdf);
    await this.db.query(
      `INSERT INTO publication_pdfs (pdf_hash, bytes) VALUES ($1, $2) ON CONFLICT (pdf_hash) DO NOTHING`,
      [pdfHash, pdf],
    );
    return pdfHash;
  }

  async pdf(pdfHash: string): Promise<Buffer | null> {
    const { rows } = await this.db.query<{ bytes: Uint8Array }>(
      'SELECT bytes FROM publication_pdfs WHERE pdf_hash = $1',
      [pdfHash],
    );
    return rows[0] ? Buffer.from(rows[0].bytes) : null;
  }

  /** The rendering of a publication, created with `publishedAt` unless an earlier attempt made it. */
  async claimRendering(claim: Omit<Rendering, 'pdfHash'>): Promise<Rendering> {
    await this.db.query(
      `INSERT INTO publication_renderings (period, publication_number, revision, content_hash, published_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (period, publication_number) DO NOTHING`,
      [
        claim.period,
        claim.publicationNumber,
        claim.revision,
        claim.contentHash,
        claim.publishedAt.toISOString(),
      ],
    );
    const found = await this.rendering(claim.period, claim.publicationNumber);
    if (!found) throw new Error(`Rendering of ${claim.period} #${claim.publicationNumber} vanished`);
    if (found.contentHash !== claim.contentHash) {
      throw new Error(
        `Publication ${claim.period} #${claim.publicationNumber} was rendered from ${found.contentHash}, not ${claim.contentHash}`,
      );
    }
    return found;
  }

  async recordPdf(period: string, publicationNumber: number, pdfHash: string): Promise<void> {
    await this.db.query(
      `UPDATE publication_renderings SET pdf_hash = $3
        WHERE period = $1 AND publication_number = $2 AND pdf_hash IS NULL`,
      [period, publicationNumber, pdfHash],
    );
  }

  /**
   * The open map counted for a publication, stored once (insert-if-absent) with the area
   * geometry it was counted with: a published revision keeps its map when areas are redrawn. A
   * row with a null map means "counted, and there was none" (no areas); no row, not counted yet.
   * Answers what is stored, which is the first run's map when an earlier run got this far.
   */
  async putOpenMap(period: string, publicationNumber: number, map: OpenMap | null): Promise<OpenMap | null> {
    await this.db.query(
      `INSERT INTO publication_maps (period, publication_number, map) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (period, publication_number) DO NOTHING`,
      [period, publicationNumber, map === null ? null : storableJson(map)],
    );
    const stored = await this.openMap(period, publicationNumber);
    if (stored === undefined) throw new Error(`The open map of ${period} #${publicationNumber} vanished`);
    return stored;
  }

  /** The stored open map; null where there is none, undefined where it was never counted. */
  async openMap(period: string, publicationNumber: number): Promise<OpenMap | null | undefined> {
    const { rows } = await this.db.query<{ map: OpenMap | string | null }>(
      'SELECT map FROM publication_maps WHERE period = $1 AND publication_number = $2',
      [period, publicationNumber],
    );
    const row = rows[0];
    if (!row) return undefined;
    return typeof row.map === 'string' ? (JSON.parse(row.map) as OpenMap) : row.map;
  }

  async rendering(period: string, publicationNumber: number): Promise<Rendering | null> {
    const { rows } = await this.db.query<RenderingRow>(
      'SELECT * FROM publication_renderings WHERE period = $1 AND publication_number = $2',
      [period, publicationNumber],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      period: row.period,
      publicationNumber: Number(row.publication_number),
      revision: Number(row.revision),
      contentHash: row.content_hash,
      publishedAt: new Date(row.published_at),
      pdfHash: row.pdf_hash,
    };
  }
}

/** `openContentHash` of the lägesbild module, from the stored parts instead of the state. */
export function openContentHashOf(period: string, sections: readonly DocumentSection[]): string {
  return sha256(canonicalJson({ period, sections }));
}

export async function setupArtefactTables(sql: SqlExecutor): Promise<void> {
  await sql.query(`
    CREATE TABLE IF NOT EXISTS publication_contents (
      content_hash text PRIMARY KEY,
      period text NOT NULL,
      sections jsonb NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now()
    )`);
  await sql.query(`
    CREATE TABLE IF NOT EXISTS publication_pdfs (
      pdf_hash text PRIMARY KEY,
      bytes bytea NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now()
    )`);
  await sql.query(`
    CREATE TABLE IF NOT EXISTS publication_renderings (
      period text NOT NULL,
      publication_number integer NOT NULL,
      revision integer NOT NULL,
      content_hash text NOT NULL,
      published_at timestamptz NOT NULL,
      pdf_hash text,
      PRIMARY KEY (period, publication_number)
    )`);
  await sql.query(`
    CREATE TABLE IF NOT EXISTS publication_maps (
      period text NOT NULL,
      publication_number integer NOT NULL,
      map jsonb,
      stored_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (period, publication_number)
    )`);
}
