import {
  openPostgres,
  SqlEventStore,
  WrongExpectedVersionError,
  type EventStore,
  type SqlDatabase,
} from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { createTestDatabase, serviceAvailable } from '../../../../../test/support/services.js';
import type { Decider, DomainEvent } from '../domain/decider.js';
import { SystemClock } from './clock.js';
import { CommandRunner } from './command-runner.js';
import { idempotentRequest, systemContext, type RequestContext } from './request-context.js';
import { conflictRetryPolicy } from './retry-on-conflict.js';

/** A tally that remembers each addition: nothing may be folded twice or lost. */
type TallyEvent = DomainEvent<'Added', { amount: number }>;
interface Tally {
  total: number;
  additions: number[];
}
const tally: Decider<Tally, { amount: number }, TallyEvent> = {
  initialState: () => ({ total: 0, additions: [] }),
  decide: (command) => [{ type: 'Added', data: { amount: command.amount } }],
  evolve: (state, event) => ({
    total: state.total + event.data.amount,
    additions: [...state.additions, event.data.amount],
  }),
};

/**
 * `store` as one API instance sees it when it loses the race for its next `races` appends:
 * before each, `rival` (another instance) appends to the same stream first.
 */
function losingRaces(store: EventStore, races: number, rival: () => Promise<unknown>): EventStore {
  let left = races;
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') {
        return async (...args: Parameters<EventStore['append']>) => {
          if (left > 0) {
            left--;
            await rival();
          }
          return target.append(...args);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const stores: Array<[string, () => Promise<{ db: SqlDatabase; drop: () => Promise<void> }>]> = [
  ['PGlite', async () => ({ db: await freshPglite(), drop: async () => {} })],
];
if (serviceAvailable('postgres')) {
  stores.push([
    'PostgreSQL',
    async () => {
      const database = await createTestDatabase();
      return { db: openPostgres(database.url), drop: database.drop };
    },
  ]);
}

describe.each(stores)('CommandRunner racing another instance on %s (docs/adr/0018)', (_name, open) => {
  let db: SqlDatabase;
  let drop: () => Promise<void>;
  let store: SqlEventStore;
  const context = systemContext('command-runner-races');

  beforeAll(async () => {
    ({ db, drop } = await open());
    store = new SqlEventStore(db);
    await store.init();
  });
  afterAll(async () => {
    await store.close();
    await db.close();
    await drop();
  });

  /** Two instances, each with its own stream-state cache; `loser` loses its next `races` appends to `rival`. */
  function instances(streamId: string, races: number) {
    const rival = new CommandRunner(store, new SystemClock());
    const loser = new CommandRunner(
      losingRaces(store, races, () => rival.run(streamId, tally, { amount: 100 }, { context })),
      new SystemClock(),
    );
    return { rival, loser };
  }

  it('decides a command without a client version again until it lands, however many races it loses in a row', async () => {
    const races = conflictRetryPolicy.attempts - 1; // more than the 3 attempts that 92 of 200 requests ran out of
    const { loser } = instances('race-a', races);
    await loser.load('race-a', tally); // its cache now holds the stream: every attempt must see past it
    const result = await loser.run('race-a', tally, { amount: 1 }, { context });
    expect(result.version).toBe(races + 1);
    expect(result.state.additions).toEqual([...Array(races).fill(100), 1]);
    const fresh = await new CommandRunner(store, new SystemClock()).load('race-a', tally);
    expect(fresh).toEqual({ state: result.state, version: races + 1, exists: true });
  });

  it('gives up with the conflict after its bounded attempts', async () => {
    const { loser } = instances('race-b', conflictRetryPolicy.attempts);
    await expect(loser.run('race-b', tally, { amount: 1 }, { context })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    const events = await store.readStream('race-b');
    expect(events.map((event) => event.data)).toEqual(
      Array(conflictRetryPolicy.attempts).fill({ amount: 100 }),
    );
  });

  it('answers a command with a client version that lost the race with the conflict, at once', async () => {
    const { loser } = instances('race-c', 1);
    await loser.run('race-c', tally, { amount: 1 }, { context }); // the rival won once: version 2
    const { loser: again } = instances('race-c', 1);
    await expect(
      again.run('race-c', tally, { amount: 1 }, { context, expectedVersion: 2 }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    const events = await store.readStream('race-c');
    expect(events.map((event) => event.data)).toEqual([{ amount: 100 }, { amount: 1 }, { amount: 100 }]);
  });

  it('lets two instances racing freely, 16 commands at once as 16 reporters send them, land every one', async () => {
    const first = new CommandRunner(store, new SystemClock());
    const second = new CommandRunner(store, new SystemClock());
    const amounts = Array.from({ length: 16 }, (_, n) => n + 1);
    await Promise.all(
      amounts.map((amount) => (amount % 2 ? first : second).run('race-d', tally, { amount }, { context })),
    );
    const loaded = await new CommandRunner(store, new SystemClock()).load('race-d', tally);
    expect(loaded.version).toBe(amounts.length);
    expect([...loaded.state.additions].sort((a, b) => a - b)).toEqual(amounts);
  });

  it('records the Idempotency-Key of a command that lost races once, with the attempt that landed', async () => {
    const keyed = (): RequestContext => ({ ...systemContext(), idempotency: idempotentRequest('race-key') });
    const { loser } = instances('race-e', 3);
    const first = await loser.run('race-e', tally, { amount: 1 }, { context: keyed() });
    expect(first.version).toBe(4);
    expect(await store.findAppend('race-e', 'race-key')).toMatchObject({ firstVersion: 4, lastVersion: 4 });
    // The client's retry of the same request (losing a race again) is answered from that append.
    const { loser: retrying } = instances('race-e', 1);
    const retryContext = keyed();
    const retried = await retrying.run('race-e', tally, { amount: 1 }, { context: retryContext });
    expect(retryContext.idempotency!.replayed).toBe(true);
    expect(retried).toMatchObject({ version: 4, events: first.events });
    const amounts = (await store.readStream('race-e')).map(
      (event) => (event.data as { amount: number }).amount,
    );
    expect(amounts).toEqual([100, 100, 100, 1, 100]);
  });
});
