import { Redis } from 'ioredis';
import pg from 'pg';
import {
  startThrowawayPostgres,
  startThrowawayRedis,
  throwawayServicesAvailable,
} from './throwaway-services.js';

const available = throwawayServicesAvailable();
const describeIf = available.postgres && available.redis ? describe : describe.skip;
if (!available.postgres || !available.redis) {
  if (process.env.CI === 'true')
    throw new Error('CI=true but no PostgreSQL binaries or redis-server for the fault tests');
  console.warn('[laget tests] throwaway PostgreSQL or Redis unavailable: fault harness tests skipped');
}

describeIf('throwaway services for the fault tests', () => {
  it('starts a PostgreSQL cluster of its own that restarts and is gone after destroy', async () => {
    const postgres = await startThrowawayPostgres();
    try {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      const lost = new Promise<string>((resolve) =>
        client.on('error', (error: Error & { code?: string }) => resolve(error.code ?? '')),
      );
      expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
      postgres.restart();
      expect(await lost).toBe('57P01');
      const again = new pg.Client({ connectionString: postgres.url });
      await again.connect();
      expect((await again.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
      await again.end();
    } finally {
      postgres.destroy();
    }
  });

  it('starts a redis-server of its own that can be stopped and started again', async () => {
    const redis = await startThrowawayRedis();
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await client.connect();
      await client.set('k', 'v');
      expect(await client.get('k')).toBe('v');
      await redis.stop();
      await expect(client.ping()).rejects.toThrow();
      await redis.start();
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
      await redis.destroy();
    }
  });
});
