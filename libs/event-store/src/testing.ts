import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { wrapPglite } from './sql/pglite-database.js';
import type { SqlDatabase } from './sql/sql-database.js';

/**
 * Helpers for test suites of any package. A fresh PGlite costs 2.5–5 s of initdb; loading a
 * dumped data directory costs a fraction of that. The dump is made once per machine and PGlite
 * build (cached in the temp directory) and once per test file in memory.
 */
let template: Promise<Blob> | null = null;

/** An empty, in-memory PGlite database of its own; close it in afterAll. */
export async function freshPglite(): Promise<SqlDatabase> {
  template ??= loadTemplate();
  const db = await PGlite.create({ loadDataDir: await template });
  return wrapPglite(db);
}

async function loadTemplate(): Promise<Blob> {
  const file = templateFile();
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await PGlite.create();
  try {
    const dump = await db.dumpDataDir('none');
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Parallel test workers may race here: each writes its own file and renames it into place.
    const partial = `${file}.${process.pid}.${Date.now()}`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    return new Blob([bytes]);
  } finally {
    await db.close();
  }
}

function templateFile(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { size, mtimeMs } = statSync(entry);
  return join(tmpdir(), `laget-pglite-template-${size}-${Math.floor(mtimeMs)}.tar`);
}
