import { readFile } from 'node:fs/promises';
import type { SqlDatabase } from '@laget/event-store';

/**
 * CPU time spent while a benchmark phase ran: this process (the API server; load generators run
 * in a child process) and the PostgreSQL backends serving this benchmark's database. CPU time
 * per command does not depend on how busy the shared machine is, so it compares across runs
 * where commands/s and latency do not.
 */
export interface CpuSample {
  apiMs: number;
  /** Per backend process id; null where /proc cannot be read. */
  postgresMs: ReadonlyMap<number, number> | null;
}

export interface CpuSpent {
  apiMs: number;
  postgresMs: number | null;
}

export async function sampleCpu(db: SqlDatabase | null): Promise<CpuSample> {
  const usage = process.cpuUsage();
  return {
    apiMs: (usage.user + usage.system) / 1000,
    postgresMs: db ? await postgresCpuMs(db) : null,
  };
}

/**
 * PostgreSQL's share is summed per backend: the pool opens and closes connections, and a backend
 * that started during the phase counts from zero (one that ended is lost, which is rare).
 */
export function cpuBetween(before: CpuSample, after: CpuSample): CpuSpent {
  let postgresMs: number | null = null;
  if (before.postgresMs && after.postgresMs) {
    postgresMs = 0;
    for (const [pid, ms] of after.postgresMs) postgresMs += ms - (before.postgresMs.get(pid) ?? 0);
  }
  return {
    apiMs: after.apiMs - before.apiMs,
    postgresMs,
  };
}

const ticksPerSecond = 100; // USER_HZ on Linux

/** utime + stime of each of this database's backends, from /proc (Linux only; null elsewhere). */
async function postgresCpuMs(db: SqlDatabase): Promise<Map<number, number> | null> {
  if (process.platform !== 'linux') return null;
  const { rows } = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const spent = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime (fields 14 and 15 of stat)
      spent.set(pid, ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000);
    } catch {
      // The backend ended between the query and the read: it counts as ended before the sample.
    }
  }
  return spent;
}
