import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/app.factory.js';
import { AppConfig } from '../../apps/api/src/config/app-config.js';
import type { Clock } from '../../apps/api/src/platform/commands/clock.js';
import { MINIMUM_KURRENTDB_VERSION } from '@laget/event-store';
import { createTestDatabase, describeWith, testRedisUrl } from './services.js';

export type TestEventStore = 'postgres' | 'pglite' | 'eventstoredb';

const kurrentUrl = process.env.EVENTSTORE_URL;
const kurrentNeeded = `KurrentDB ${MINIMUM_KURRENTDB_VERSION} or newer, e.g. docker compose --profile kurrentdb up -d`;
let kurrentSkipNoted = false;

/**
 * The event stores an e2e suite runs on: the ones it names, and KurrentDB too where
 * EVENTSTORE_URL is set (docs/adr/0020). Where it is not, says once why KurrentDB is left out.
 */
export function e2eEventStores<S extends 'postgres' | 'pglite'>(
  stores: readonly S[],
): (S | 'eventstoredb')[] {
  if (kurrentUrl) return [...stores, 'eventstoredb'];
  if (!kurrentSkipNoted) {
    kurrentSkipNoted = true;
    console.log(
      `[laget tests] e2e suites on KurrentDB skipped: EVENTSTORE_URL is not set (needs ${kurrentNeeded}).`,
    );
  }
  return [...stores];
}

/**
 * One suite per event store of `e2eEventStores(stores)`, each named after its store and skipped
 * (saying why) where a service it needs is missing: PostgreSQL holds the read models of both
 * 'postgres' and 'eventstoredb'.
 */
export function describeOnStores<S extends 'postgres' | 'pglite'>(
  stores: readonly S[],
  name: string,
  fn: (store: S | 'eventstoredb') => void,
): void {
  for (const store of e2eEventStores(stores))
    describeWith(store === 'pglite' ? [] : ['postgres'], `${name} on ${store}`, () => fn(store));
}

export interface TestAppOptions {
  /**
   * Where events and read models live: a fresh PostgreSQL database, PGlite in a temporary folder,
   * or events in the KurrentDB at EVENTSTORE_URL (on a stream prefix of their own, so that the
   * shared server looks empty) with read models in a fresh PostgreSQL database.
   */
  store?: TestEventStore;
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
    // A key of its own, so a suite on PostgreSQL writes no master.key into the working directory.
    LAGET_MASTER_KEY: randomBytes(32).toString('base64'),
    ...options.env,
  };
  const store = options.store ?? 'postgres';
  if (store === 'postgres' || store === 'eventstoredb') {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    env.EVENT_STORE = store;
    env.DATABASE_URL = database.url;
    if (store === 'eventstoredb') {
      if (!kurrentUrl) throw new Error(`store 'eventstoredb' needs EVENTSTORE_URL (${kurrentNeeded})`);
      env.EVENTSTORE_URL = kurrentUrl;
      env.EVENTSTORE_STREAM_PREFIX = `t${randomBytes(6).toString('hex')}-`;
    }
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
