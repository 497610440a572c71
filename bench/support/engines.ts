import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SqlDatabase, openPglite, openPostgres } from '@laget/event-store';
import { createTestDatabase } from '../../test/support/services.js';

/**
 * Runs a benchmark on each SQL engine, each on a fresh database of its own that is removed
 * afterwards: PGlite in a temporary folder, then PostgreSQL (skipped with a message when it
 * cannot be reached). Returns the rows each run produced, in that order.
 */
export async function onEachEngine(
  run: (engine: string, db: SqlDatabase) => Promise<string[][]>,
  options: { postgresPoolSize?: number } = {},
): Promise<string[][]> {
  const rows: string[][] = [];
  const pgliteDir = mkdtempSync(join(tmpdir(), 'laget-bench-pglite-'));
  try {
    const db = await openPglite(pgliteDir);
    try {
      rows.push(...(await run('PGlite (file)', db)));
    } finally {
      await db.close();
    }
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }

  let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
  try {
    database = await createTestDatabase();
  } catch (error) {
    console.log(`PostgreSQL skipped: not reachable (${(error as Error).message}); set DATABASE_URL.`);
  }
  if (database) {
    const db = openPostgres(database.url, options.postgresPoolSize ? { max: options.postgresPoolSize } : {});
    try {
      rows.push(...(await run('PostgreSQL', db)));
    } finally {
      await db.close();
      await database.drop();
    }
  }
  return rows;
}
