import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/app.factory.js';
import { AppConfig } from '../../apps/api/src/config/app-config.js';
import type { Clock } from '../../apps/api/src/platform/commands/clock.js';
import { createTestDatabase, testRedisUrl } from './services.js';

export interface TestAppOptions {
  /** Where events and read models live: a fresh PostgreSQL database, or PGlite in a temporary folder. */
  store?: 'postgres' | 'pglite';
  /** BullMQ on the real Redis instead of in-process jobs. */
  redis?: boolean;
  /** Extra environment, as an operator would set it. */
  env?: Record<string, string>;
  clock?: Clock;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/** The real application on a random port, with its own empty stores; `close()` removes them again. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const cleanups: Array<() => Promise<void>> = [];
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    LAGET_ADMIN_PASSWORD: 'test-admin-password-1',
    ...options.env,
  };
  if ((options.store ?? 'postgres') === 'postgres') {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    env.EVENT_STORE = 'postgres';
    env.DATABASE_URL = database.url;
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'laget-test-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    env.EVENT_STORE = 'pglite';
    env.DATA_DIR = dataDir;
  }
  if (options.redis) {
    env.REDIS_URL = testRedisUrl;
    // Apps of parallel suites share the Redis server, not each other's jobs.
    env.LAGET_QUEUE_PREFIX ??= `laget-test-${randomBytes(4).toString('hex')}`;
  }
  const config = AppConfig.fromEnvironment(env);
  const app = await createApp({ config, ...(options.clock ? { clock: options.clock } : {}) });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
