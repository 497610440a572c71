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
  postgresMs: number | null;
}

export async function sampleCpu(db: SqlDatabase | null): Promise<CpuSample> {
  const usage = process.cpuUsage();
  return { apiMs: (usage.user + usage.system) / 1000, postgresMs: db ? await postgresCpuMs(db) : null };
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  return {
    apiMs: after.apiMs - before.apiMs,
    postgresMs:
      before.postgresMs === null || after.postgresMs === null ? null : after.postgresMs - before.postgresMs,
  };
}

/** utime + stime of this database's backends, from /proc (Linux only; null elsewhere). */
async function postgresCpuMs(db: SqlDatabase): Promise<number | null> {
  const { rows } = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const ticksPerSecond = 100; // USER_HZ on Linux
  let total = 0;
  for (const { pid } of rows) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      return null;
    }
  }
  return (total / ticksPerSecond) * 1000;
}
