import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Test helpers for the real services. A suite that needs one wraps itself in `describeWith…`:
 * where the service is missing (and CI is not set) the suite is skipped and says why.
 */
export const testDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type Service = 'postgres' | 'redis' | 'chromium';
const flag: Record<Service, string> = {
  postgres: 'LAGET_TEST_POSTGRES',
  redis: 'LAGET_TEST_REDIS',
  chromium: 'LAGET_TEST_CHROMIUM',
};

export function serviceAvailable(service: Service): boolean {
  return process.env[flag[service]] === 'yes';
}

/** `describe` when every named service is reachable, otherwise a skipped suite that names the missing one. */
export function describeWith(services: Service[], name: string, fn: () => void): void {
  const missing = services.filter((s) => !serviceAvailable(s));
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  describe.skip(`${name} (skipped: ${missing.join(', ')} not available)`, fn);
}

/**
 * A fresh, empty PostgreSQL database for one suite; `drop()` removes it. Databases are cheap
 * here (≈ 50 ms) and keep parallel jest workers out of each other's way.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `laget_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
