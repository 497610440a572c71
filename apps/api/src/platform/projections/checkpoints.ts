import { type Checkpoint, type SqlExecutor, addColumnIfMissing } from '@laget/event-store';
import type { ProjectionStall } from './projection-failures.js';

/**
 * The `projection_checkpoints` table: one row per projection (and reactor), written in the same
 * transaction as the projection's rows. Moving a checkpoint is a compare-and-set on the value the
 * runner last read, so a second runner that lost its lock (or a rebuild from the CLI) makes the
 * stale runner's transaction fail instead of applying events twice.
 */
export interface StoredCheckpoint {
  checkpoint: Checkpoint | null;
  /** The projection definition's version that built the rows. */
  version: number;
  /** Set while the projection is stalled at an event it cannot apply. */
  stall: ProjectionStall | null;
}

export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';
  constructor(readonly projection: string) {
    super(
      `The checkpoint of ${projection} was moved by someone else (another instance or a rebuild); restarting from it`,
    );
  }
}

export async function setupCheckpointTable(sql: SqlExecutor): Promise<void> {
  await sql.query(`
    CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name text PRIMARY KEY,
      checkpoint text,
      global_position bigint,
      version integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  // Where a projection stalled (docs/adr/0016): kept here so that every instance, standby ones
  // included, and a restarted one, reports it until the checkpoint moves past it.
  await addColumnIfMissing(sql, 'projection_checkpoints', 'stall', 'jsonb');
}

export async function recordStall(sql: SqlExecutor, stall: ProjectionStall): Promise<void> {
  await sql.query(`UPDATE projection_checkpoints SET stall = $2::jsonb WHERE name = $1`, [
    stall.projection,
    JSON.stringify(stall),
  ]);
}

/** Every stall recorded, by any instance. */
export async function readStalls(sql: SqlExecutor): Promise<ProjectionStall[]> {
  const { rows } = await sql.query<{ stall: ProjectionStall | string }>(
    `SELECT stall FROM projection_checkpoints WHERE stall IS NOT NULL ORDER BY name`,
  );
  return rows.map((row) => (typeof row.stall === 'string' ? JSON.parse(row.stall) : row.stall));
}

/** Reads the row, creating it (at the start of the log) when the projection is new. */
export async function loadCheckpoint(
  sql: SqlExecutor,
  name: string,
  version: number,
): Promise<StoredCheckpoint> {
  await sql.query(
    `INSERT INTO projection_checkpoints (name, checkpoint, version) VALUES ($1, NULL, $2) ON CONFLICT (name) DO NOTHING`,
    [name, version],
  );
  const found = await readCheckpoint(sql, name);
  if (!found) throw new Error(`projection_checkpoints has no row for ${name} right after creating it`);
  return found;
}

export async function readCheckpoint(sql: SqlExecutor, name: string): Promise<StoredCheckpoint | null> {
  const { rows } = await sql.query<{
    checkpoint: string | null;
    version: number;
    stall: ProjectionStall | string | null;
  }>(`SELECT checkpoint, version, stall FROM projection_checkpoints WHERE name = $1`, [name]);
  const row = rows[0];
  if (!row) return null;
  const stall = typeof row.stall === 'string' ? (JSON.parse(row.stall) as ProjectionStall) : row.stall;
  return { checkpoint: row.checkpoint as Checkpoint | null, version: Number(row.version), stall };
}

export async function advanceCheckpoint(
  sql: SqlExecutor,
  name: string,
  from: Checkpoint | null,
  to: Checkpoint,
  globalPosition: number,
): Promise<void> {
  const { rows } = await sql.query(
    `UPDATE projection_checkpoints SET checkpoint = $3, global_position = $4, stall = NULL, updated_at = now()
      WHERE name = $1 AND checkpoint IS NOT DISTINCT FROM $2
      RETURNING name`,
    [name, from, to, globalPosition],
  );
  if (rows.length !== 1) throw new CheckpointMovedError(name);
}

/** Back to the start of the log, recording which definition version the rows will be built by. */
export async function clearCheckpoint(sql: SqlExecutor, name: string, version: number): Promise<void> {
  await sql.query(
    `INSERT INTO projection_checkpoints (name, checkpoint, global_position, version) VALUES ($1, NULL, NULL, $2)
     ON CONFLICT (name) DO UPDATE SET checkpoint = NULL, global_position = NULL, version = $2, stall = NULL,
                                      updated_at = now()`,
    [name, version],
  );
}
