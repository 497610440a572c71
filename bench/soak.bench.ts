import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { lagesbildStreamId } from '../apps/api/src/lagesbild/lagesbild.decider.js';
import { addWeeks, formatPeriod, periodContaining } from '../apps/api/src/reporting/period.js';
import { adminClient, createOrganisation, createUser } from '../apps/api/src/reporting/testing/http-kit.js';
import { builtServerAdminPassword } from '../test/support/built-server.js';
import {
  startThrowawayPostgres,
  startThrowawayRedis,
  type ThrowawayPostgres,
  type ThrowawayRedis,
} from '../test/support/throwaway-services.js';
import { SoakClient, SoakStats } from './support/soak-client.js';
import { SoakFleet } from './support/soak-fleet.js';
import { printTable } from './support/table.js';

/**
 * The soak of issue 21 (`npm run bench -- soak`, not part of `npm test`): two API instances (the
 * built server) on a PostgreSQL cluster and a redis-server of its own; reporters open their
 * reports, add incidents and submit, a coordinator compiles each finished week and reads it; every
 * command carries an Idempotency-Key and is sent again with it until answered. On a schedule,
 * PostgreSQL restarts (at 30 % of the time) and one instance is killed with -9 and started again
 * (at 60 %). It reports what was acknowledged, lost (acknowledged but missing from the event store
 * or the read model: must be 0), duplicated (must be 0), the 5xx and connection errors seen, the
 * longest time no request was served, and instances that died on their own (restarted, as a
 * supervisor would). LAGET_BENCH_SOAK_SECONDS (default 180), LAGET_BENCH_SOAK_REPORTERS (default 8)
 * and LAGET_BENCH_SOAK_PAUSE_MS (between a reporter's commands, default 150) scale it.
 */
const INCIDENTS_PER_REPORT = 40;
const WEEKS = 8;

interface FiledReport {
  id: string;
  organisationId: string;
  period: string;
  incidents: string[];
  submitted: boolean;
}

export async function benchSoak(): Promise<void> {
  const seconds = Number(process.env.LAGET_BENCH_SOAK_SECONDS ?? 180);
  const reporterCount = Number(process.env.LAGET_BENCH_SOAK_REPORTERS ?? 8);
  const pauseMs = Number(process.env.LAGET_BENCH_SOAK_PAUSE_MS ?? 150);
  let postgres: ThrowawayPostgres | null = null;
  let redis: ThrowawayRedis | null = null;
  let fleet: SoakFleet | null = null;
  try {
    postgres = await startThrowawayPostgres();
    redis = await startThrowawayRedis({ persistent: true });
    fleet = new SoakFleet({
      EVENT_STORE: 'postgres',
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      LAGET_QUEUE_PREFIX: `laget-soak-${randomBytes(4).toString('hex')}`,
      LAGET_REPORTING_WEEKS_BACK: String(WEEKS),
      LOG_LEVEL: 'warn',
    });
    await fleet.start(2);
    const setup = await setUp(fleet.urls[0]!, reporterCount);
    const stats = new SoakStats();
    const endsAt = Date.now() + seconds * 1000;
    const giveUpAt = () => endsAt + 60_000;
    const urls = fleet.urls; // the fleet restarts instances on the same ports
    const current = periodContaining(new Date());
    const periods = Array.from({ length: WEEKS }, (_, i) => formatPeriod(addWeeks(current, -(WEEKS - i))));
    const reports: FiledReport[] = [];
    const pause = () => new Promise((done) => setTimeout(done, pauseMs));
    console.log(
      `soak: ${seconds} s, ${reporterCount} reporters and a coordinator on 2 instances; ` +
        `PostgreSQL restart at ${Math.round(seconds * 0.3)} s, kill -9 at ${Math.round(seconds * 0.6)} s`,
    );

    stats.start();
    const reporter = async (index: number) => {
      const { token, organisationId } = setup.reporters[index]!;
      const client = new SoakClient(urls, token, stats, index, giveUpAt);
      for (const period of periods) {
        if (Date.now() > endsAt) return;
        const opened = await client.command('/api/reports', { period, organisationId });
        if (!opened) continue;
        const report: FiledReport = {
          id: (opened.body as { id: string }).id,
          organisationId,
          period,
          incidents: [],
          submitted: false,
        };
        reports.push(report);
        for (let n = 0; n < INCIDENTS_PER_REPORT && Date.now() < endsAt; n++) {
          await pause();
          const problem = `Soak ${index + 1} ${period} ${n + 1}`;
          const added = await client.command(`/api/reports/${report.id}/incidents`, {
            problem,
            location: 'Frida Hansdotter Arena',
            occurredAt: '250107',
            frequency: 'Enstaka',
            category: 'skadegorelse',
            assessment: { severity: 1 + (n % 5), scope: 'EA' },
            comment: 'Söndersparkat vattenlås.',
          });
          if (added) report.incidents.push(problem);
        }
        if (Date.now() > endsAt) return;
        await pause();
        report.submitted = (await client.command(`/api/reports/${report.id}/submit`, {})) !== null;
      }
    };
    const compiled: string[] = [];
    const coordinator = async () => {
      const client = new SoakClient(urls, setup.coordinatorToken, stats, 1, giveUpAt);
      while (Date.now() < endsAt) {
        await new Promise((done) => setTimeout(done, 1_000));
        // A week is compiled once every reporter has submitted it, so no submission comes late.
        const ready = periods.find(
          (period) =>
            !compiled.includes(period) &&
            reports.filter((r) => r.period === period && r.submitted).length === reporterCount,
        );
        if (ready && (await client.command('/api/lagesbilder', { period: ready, confirmEarly: true })))
          compiled.push(ready);
        const reading = compiled.at(-1);
        if (reading) await client.read(`/api/lagesbilder/${reading}?view=internal`);
        else await client.read(`/api/reports?period=${periods[0]}`);
      }
    };
    const faults = async () => {
      await sleepUntil(Date.now() + seconds * 300);
      const restartStarted = Date.now();
      await postgres!.restartAsync();
      const pgRestartMs = Date.now() - restartStarted;
      await sleepUntil(endsAt - seconds * 400);
      await fleet!.killAndRestart(1, 1_000);
      return pgRestartMs;
    };

    const [pgRestartMs] = await Promise.all([
      faults(),
      coordinator(),
      ...setup.reporters.map((_, index) => reporter(index)),
    ]);
    const loadEndedAt = Date.now();
    const check = await verify(postgres.url, reports, compiled, urls, setup.reporters);
    const exitCodes = await fleet.stop();

    const failures = stats.failures();
    printTable(
      ['measure', 'value'],
      [
        ['duration of the load', `${((loadEndedAt - (endsAt - seconds * 1000)) / 1000).toFixed(0)} s`],
        ['commands acknowledged', String(stats.acknowledged)],
        ['lost (acknowledged, not in event store or read model)', String(check.lost.length)],
        ['duplicated', String(check.duplicated.length)],
        ['given up (never acknowledged)', String(stats.abandoned)],
        ['refused (4xx, not retried)', String(stats.refused.length)],
        ['retries (same key)', String(stats.retries)],
        ['5xx and connection errors seen', formatCounts(failures)],
        ['longest time without service', `${stats.longestOutageMs} ms`],
        ['longest command (first try to acknowledgement)', `${stats.longestCommandMs} ms`],
        ['PostgreSQL restart (pg_ctl restart -m fast)', `${pgRestartMs} ms`],
        [
          'instance restarts (kill -9 and deaths), to ready',
          fleet.restartsMs.map((ms) => `${ms} ms`).join(', '),
        ],
        ['process exits (died on their own)', String(fleet.exits.length)],
        ['exit codes on SIGTERM at the end', exitCodes.map(String).join(', ')],
        ['weeks compiled', String(compiled.length)],
        ['reads', String(stats.reads)],
      ],
    );
    for (const exit of fleet.exits)
      console.log(
        `process exit: instance ${exit.instance} at ${exit.atSecond} s, code ${exit.code}, signal ${exit.signal}: ${exit.lastLog}`,
      );
    for (const line of [...check.lost, ...check.duplicated, ...stats.refused].slice(0, 20)) console.log(line);
    if (check.lost.length > 0 || check.duplicated.length > 0) process.exitCode = 1;
  } finally {
    await fleet?.stop().catch(() => undefined);
    await redis?.destroy();
    postgres?.destroy();
  }
}

async function setUp(
  url: string,
  reporterCount: number,
): Promise<{ reporters: Array<{ token: string; organisationId: string }>; coordinatorToken: string }> {
  const admin = await adminClient(url, builtServerAdminPassword);
  const reporters = [];
  for (let index = 0; index < reporterCount; index++) {
    const organisationId = await createOrganisation(admin, `Soakaktör ${index + 1}`, 'other');
    const { client } = await createUser(admin, {
      username: `soak.rapportor${index + 1}`,
      organisationId,
      roles: ['reporter'],
    });
    reporters.push({ token: client.bearerToken!, organisationId });
  }
  const office = await createOrganisation(admin, 'BF-samordnaren', 'coordinator');
  const { client } = await createUser(admin, {
    username: 'soak.samordnare',
    organisationId: office,
    roles: ['coordinator'],
  });
  return { reporters, coordinatorToken: client.bearerToken! };
}

/**
 * Every acknowledged command against the event store (exactly once) and the read model (each
 * report as its reporter reads it, once the projections have caught up).
 */
async function verify(
  databaseUrl: string,
  reports: FiledReport[],
  compiled: string[],
  urls: string[],
  reporters: Array<{ token: string; organisationId: string }>,
): Promise<{ lost: string[]; duplicated: string[] }> {
  const lost: string[] = [];
  const duplicated: string[] = [];
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const count = async (sql: string) =>
      new Map((await db.query<{ key: string; n: string }>(sql)).rows.map((row) => [row.key, Number(row.n)]));
    const incidents = await count(
      `SELECT data->'incident'->>'problem' AS key, count(*) AS n FROM event_store.events
        WHERE event_type = 'IncidentReported' GROUP BY 1`,
    );
    const opened = await count(
      `SELECT data->>'reportId' AS key, count(*) AS n FROM event_store.events
        WHERE event_type = 'ReportOpened' GROUP BY 1`,
    );
    const submitted = await count(
      `SELECT o.data->>'reportId' AS key, count(*) AS n FROM event_store.events e
         JOIN event_store.events o ON o.stream_id = e.stream_id AND o.event_type = 'ReportOpened'
        WHERE e.event_type = 'ReportSubmitted' GROUP BY 1`,
    );
    const compilations = await count(
      `SELECT stream_id AS key, count(*) AS n FROM event_store.events
        WHERE event_type = 'LagesbildCompiled' GROUP BY 1`,
    );
    const once = (what: string, n: number | undefined) => {
      if (!n) lost.push(`lost: ${what}`);
      else if (n > 1) duplicated.push(`duplicated ${n}×: ${what}`);
    };
    for (const report of reports) {
      once(`report ${report.id} opened`, opened.get(report.id));
      for (const problem of report.incidents) once(`incident "${problem}"`, incidents.get(problem));
      if (report.submitted) once(`report ${report.id} submitted`, submitted.get(report.id));
    }
    for (const period of compiled)
      once(`week ${period} compiled`, compilations.get(lagesbildStreamId(period)));
  } finally {
    await db.end();
  }
  // The read model, as each reporter reads its reports, waiting for the projections to catch up.
  const stats = new SoakStats();
  for (const report of reports) {
    const { token } = reporters.find((r) => r.organisationId === report.organisationId)!;
    const client = new SoakClient(urls, token, stats, 0, () => Date.now() + 30_000);
    let missing: string[];
    for (const until = Date.now() + 30_000; ;) {
      const read = await client.read(`/api/reports/${report.id}`);
      const body = read?.body as { status?: string; incidents?: Array<{ problem: string }> } | undefined;
      const seen = new Set(body?.incidents?.map((incident) => incident.problem) ?? []);
      missing = report.incidents.filter((problem) => !seen.has(problem));
      if (report.submitted && body?.status !== 'submitted') missing.push(`status ${body?.status}`);
      if (missing.length === 0 || Date.now() > until) break;
      await new Promise((done) => setTimeout(done, 500));
    }
    if (missing.length > 0) lost.push(`read model of report ${report.id}: ${missing.slice(0, 3).join(', ')}`);
  }
  return { lost, duplicated };
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'none' : entries.map(([status, n]) => `${status}: ${n}`).join(', ');
}

function sleepUntil(at: number): Promise<void> {
  return new Promise((done) => setTimeout(done, Math.max(0, at - Date.now())));
}
