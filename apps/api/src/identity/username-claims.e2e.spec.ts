import { randomUUID } from 'node:crypto';
import { NO_STREAM, type EventStore } from '@laget/event-store';
import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { Clock } from '../platform/commands/clock.js';
import { EVENT_STORE } from '../platform/platform.tokens.js';
import { RESERVATION_ABANDONED_AFTER_MS } from './commands/identity-streams.js';
import type { Client } from './test/http-client.js';
import { adminClient } from './test/people.js';

/** The real time, moved forward on demand. */
class MovableClock extends Clock {
  aheadMs = 0;
  now(): Date {
    return new Date(Date.now() + this.aheadMs);
  }
}

/**
 * A username is claimed before its login is created. A creation that died in between (a crash,
 * a lost connection) used to leave the name claimed for good: every later try answered 409.
 */
describeWith(['postgres'], 'a username claimed by a creation that never finished', () => {
  let app: TestApp;
  let admin: Client;
  const clock = new MovableClock();

  beforeAll(async () => {
    app = await startTestApp({ store: 'postgres', clock });
    admin = await adminClient(app.url);
  }, 120_000);
  afterAll(() => app?.close());

  const abandonClaimOn = async (username: string) => {
    const store = app.app.get<EventStore>(EVENT_STORE);
    await store.append(
      `username-${username}`,
      [
        {
          type: 'UsernameReserved',
          data: { username, userId: randomUUID() },
          metadata: {
            actorId: 'someone',
            organisationId: null,
            correlationId: randomUUID(),
            causationId: null,
            occurredAt: clock.now().toISOString(),
          },
        },
      ],
      { expectedVersion: NO_STREAM },
    );
  };
  const create = (username: string) =>
    admin.post('/api/users', { username, displayName: 'Anna Samordnare', roles: ['coordinator'] });

  it('answers 409 while the claim is fresh (its creation may still be running), then lets a new creation take it', async () => {
    await abandonClaimOn('anna');
    expect((await create('anna')).status).toBe(409);
    clock.aheadMs = RESERVATION_ABANDONED_AFTER_MS + 1_000;
    const created = await create('anna');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'anna' });
    // Taken now: the name is not free twice.
    expect((await create('anna')).status).toBe(409);
  });

  it('never takes over the name of a login that exists, however old its claim', async () => {
    clock.aheadMs = 0;
    expect((await create('bertil')).status).toBe(201);
    clock.aheadMs = 10 * RESERVATION_ABANDONED_AFTER_MS;
    expect((await create('bertil')).status).toBe(409);
  });
});
