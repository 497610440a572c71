import { existsSync } from 'node:fs';
import { Socket } from 'node:net';

/**
 * Probes the services the suites use, once per run, and tells the test files through
 * environment variables. On a laptop without one, its tests are skipped with a message;
 * with CI=true a missing service fails the run instead (see README, "Tests").
 */
export default async function globalSetup(): Promise<void> {
  const postgres = await reachable(process.env.DATABASE_URL ?? defaultDatabaseUrl);
  const redis = await reachable(process.env.REDIS_URL ?? defaultRedisUrl);
  const chromium = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  const missing = [!postgres && 'PostgreSQL', !redis && 'Redis', !chromium && 'Chromium'].filter(Boolean);
  if (missing.length > 0 && process.env.CI === 'true') {
    throw new Error(`CI=true but not reachable: ${missing.join(', ')}. .ci/run must start them.`);
  }
  process.env.LAGET_TEST_POSTGRES = postgres ? 'yes' : 'no';
  process.env.LAGET_TEST_REDIS = redis ? 'yes' : 'no';
  process.env.LAGET_TEST_CHROMIUM = chromium ? 'yes' : 'no';
  for (const name of missing)
    console.warn(`\n[laget tests] ${name} is not available: its tests are skipped.`);
}

const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/test';
const defaultRedisUrl = 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 5432), hostname);
  });
}
