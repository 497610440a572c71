import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import {
  ApiClient,
  adminClient,
  createOrganisation,
  createUser,
} from '../apps/api/src/reporting/reporting-http-kit.js';
import { addWeeks, formatPeriod, periodContaining } from '../apps/api/src/reporting/period.js';
import { startTestApp } from '../test/support/app.js';

/**
 * Weekly reporting under load (issue 4, "Benchmark"): 50 simulated reporters, each with its own
 * organisation and login, concurrently open their report, add 20 incidents and submit, over HTTP
 * on PostgreSQL. Reported: commands/s and p50/p99 latency per command, next to `/health` on the
 * same server in the same run (autocannon, 50 connections), and a bare node:http server as the
 * machine's own baseline (the machine is shared; its speed varies). Targets: p99 < 50 ms, ≥ 500 commands/s.
 * LAGET_BENCH_REPORTERS (default 50) and LAGET_BENCH_ROUNDS (weeks filed, default 2) scale it.
 */
export async function benchReporting(): Promise<void> {
  const reporters = Number(process.env.LAGET_BENCH_REPORTERS ?? 50);
  const rounds = Number(process.env.LAGET_BENCH_ROUNDS ?? 2);
  const incidentsPerReport = 20;
  const app = await startTestApp({ store: 'postgres', env: { LOG_LEVEL: 'error' } });
  try {
    const admin = await adminClient(app.url);
    const setupStarted = performance.now();
    const clients: { client: ApiClient; organisationId: string }[] = [];
    for (let index = 0; index < reporters; index++) {
      const organisationId = await createOrganisation(admin, `Aktör ${index + 1}`, 'other');
      const { client } = await createUser(admin, {
        username: `rapportor${index + 1}`,
        organisationId,
        roles: ['reporter'],
      });
      clients.push({ client, organisationId });
    }
    console.log(
      `setup: ${reporters} organisations and logins in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
    );

    const health = await measure(`${app.url}/health`);
    const bare = await measureBareNode();

    // The simulated reporters run on a worker thread, so their JSON and HTTP client work does not
    // compete with the server for its event loop (it still shares the machine's two cores).
    const current = periodContaining(new Date());
    const periods = Array.from({ length: rounds }, (_, round) => formatPeriod(addWeeks(current, -round)));
    const wallStarted = performance.now();
    const { latencies, failures } = await runOnWorker({
      url: app.url,
      reporters: clients.map(({ client, organisationId }) => ({
        token: client.bearerToken!,
        organisationId,
      })),
      periods,
      incidentsPerReport,
    });
    const wallSeconds = (performance.now() - wallStarted) / 1000;
    latencies.sort((a, b) => a - b);
    const commands = latencies.length;

    printTable(
      ['what', 'requests', 'per second', 'p50 ms', 'p99 ms', 'errors'],
      [
        [
          `reporting commands (${reporters} reporters × ${rounds} weeks × (open + ${incidentsPerReport} incidents + submit))`,
          String(commands),
          (commands / wallSeconds).toFixed(0),
          percentile(latencies, 50).toFixed(1),
          percentile(latencies, 99).toFixed(1),
          String(failures.length),
        ],
        ...[
          ['GET /health on the same server (autocannon, 50 connections, 3 s)', health] as const,
          ['bare node:http answering {"status":"ok"}: the machine itself, same run', bare] as const,
        ].map(([what, result]) => [
          what,
          String(result.requests),
          result.perSecond.toFixed(0),
          result.p50.toFixed(1),
          result.p99.toFixed(1),
          String(result.errors),
        ]),
      ],
    );
    if (failures.length > 0) console.log(`first failures: ${failures.slice(0, 3).join(' | ')}`);
  } finally {
    await app.close();
  }
}

interface LoadPlan {
  url: string;
  reporters: { token: string; organisationId: string }[];
  periods: string[];
  incidentsPerReport: number;
}

function runOnWorker(plan: LoadPlan): Promise<{ latencies: number[]; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: plan });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** Each reporter, one after the other within its own report, all reporters at once. */
async function simulateReporters(plan: LoadPlan): Promise<{ latencies: number[]; failures: string[] }> {
  const latencies: number[] = [];
  const failures: string[] = [];
  const timed = async (call: () => Promise<{ status: number; body: unknown }>, expected: number) => {
    const started = performance.now();
    const answer = await call();
    latencies.push(performance.now() - started);
    if (answer.status !== expected)
      failures.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    return answer;
  };
  for (const period of plan.periods) {
    await Promise.all(
      plan.reporters.map(async ({ token, organisationId }) => {
        const client = new ApiClient(plan.url, { bearer: token });
        const opened = await timed(() => client.post('/api/reports', { period, organisationId }), 201);
        const id = (opened.body as { id: string }).id;
        for (let n = 0; n < plan.incidentsPerReport; n++) {
          await timed(
            () =>
              client.post(`/api/reports/${id}/incidents`, {
                problem: `Skadegörelse ${n + 1}`,
                location: 'Frida Hansdotter Arena',
                occurredAt: '250107',
                frequency: 'Enstaka',
                assessment: { severity: 1 + (n % 5), scope: 'EA' },
                comment: 'Söndersparkat vattenlås.',
              }),
            201,
          );
        }
        await timed(() => client.post(`/api/reports/${id}/submit`), 200);
      }),
    );
  }
  return { latencies, failures };
}

if (!isMainThread && parentPort && (workerData as LoadPlan | undefined)?.reporters) {
  const port = parentPort;
  void simulateReporters(workerData as LoadPlan).then((result) => port.postMessage(result));
}

/** A server doing nothing but answering: how fast this machine is right now (it is shared). */
async function measureBareNode() {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await measure(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
  } finally {
    server.close();
  }
}

async function measure(url: string) {
  const result = await autocannon({ url, connections: 50, duration: 3 });
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}
