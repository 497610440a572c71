import { randomUUID } from 'node:crypto';
import { NO_STREAM, SqlEventStore, openPostgres } from '@laget/event-store';
import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
import { startTestApp } from '../../../../test/support/app.js';
import { createApp } from '../app.factory.js';
import { AppConfig } from '../config/app-config.js';
import { Client } from './test/http-client.js';

describeWith(['postgres'], 'first start without LAGET_ADMIN_PASSWORD', () => {
  it('creates "admin" with a random one-time password printed once to the log', async () => {
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const capture = (chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
    process.stdout.write = capture as typeof process.stdout.write;
    let app;
    try {
      app = await startTestApp({ store: 'postgres', env: { LAGET_ADMIN_PASSWORD: '', LOG_LEVEL: 'info' } });
    } finally {
      process.stdout.write = write;
    }
    try {
      const output = printed.join('');
      // One block: the heading line, then the password alone on its indented line.
      const block = /first start\. Log in as "admin" with this one-time password:\n\n {6}(\S+)\n/.exec(
        output,
      );
      expect(block).not.toBeNull();
      const password = block![1]!;
      expect(output.split(password)).toHaveLength(2); // printed once
      // At info, Nest's ~100 route lines (now at debug) are not among the start-up lines.
      expect(output).not.toContain('Mapped {');
      const admin = new Client(app.url);
      const login = await admin.login('admin', password);
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ roles: ['admin'], mustChangePassword: true });
    } finally {
      await app.close();
    }
  });
});

describeWith(['postgres'], 'a first start that died between claiming "admin" and creating it', () => {
  it('creates "admin" on the next start instead of starting with no login at all', async () => {
    const database = await createTestDatabase();
    const db = openPostgres(database.url);
    const store = new SqlEventStore(db);
    await store.init();
    // What the dead start left: the name claimed for a login whose stream was never written.
    await store.append(
      'username-admin',
      [
        {
          type: 'UsernameReserved',
          data: { username: 'admin', userId: randomUUID() },
          metadata: {
            actorId: 'system',
            organisationId: null,
            correlationId: randomUUID(),
            causationId: null,
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      { expectedVersion: NO_STREAM },
    );
    await store.close();
    await db.close();
    const config = AppConfig.fromEnvironment({
      LOG_LEVEL: 'error',
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      LAGET_ADMIN_PASSWORD: 'test-admin-password-1',
    });
    const app = await createApp({ config });
    await app.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const login = await new Client(url).login('admin', 'test-admin-password-1');
      expect(login.status).toBe(200);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
