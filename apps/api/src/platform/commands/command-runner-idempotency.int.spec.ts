import { SqlEventStore, type SqlDatabase } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import type { Decider, DomainEvent } from '../domain/decider.js';
import { DomainError } from '../domain/domain-error.js';
import { SystemClock } from './clock.js';
import { CommandRunner } from './command-runner.js';
import { idempotentRequest, type RequestContext, systemContext } from './request-context.js';

type TallyEvent = DomainEvent<'Added', { amount: number }> | DomainEvent<'Closed', { at: number }>;
interface Tally {
  total: number;
  closed: boolean;
}
type TallyCommand = { type: 'Add'; amount: number } | { type: 'Close' };

/** Adding is always allowed; closing twice is refused, as "already submitted" is. */
const tally: Decider<Tally, TallyCommand, TallyEvent> = {
  initialState: () => ({ total: 0, closed: false }),
  decide: (command, state) => {
    if (command.type === 'Add') return [{ type: 'Added', data: { amount: command.amount } }];
    if (state.closed) throw new DomainError('conflict', 'already closed');
    return [{ type: 'Closed', data: { at: state.total } }];
  },
  evolve: (state, event) =>
    event.type === 'Added'
      ? { ...state, total: state.total + event.data.amount }
      : { ...state, closed: true },
};

/** A request with an Idempotency-Key, as the interceptor hands it to the runner. */
function keyed(key: string): RequestContext {
  return { ...systemContext(), idempotency: idempotentRequest(key) };
}

describe('CommandRunner under an Idempotency-Key (docs/adr/0014)', () => {
  let db: SqlDatabase;
  let store: SqlEventStore;

  beforeAll(async () => {
    db = await freshPglite();
    store = new SqlEventStore(db);
    await store.init();
  });
  afterAll(async () => {
    await store.close();
    await db.close();
  });

  it('does not apply a retry again and answers it as the first attempt, even after the stream moved on', async () => {
    const first = new CommandRunner(store, new SystemClock());
    const context = keyed('user-1 POST /tally/a k1');
    const applied = await first.run('tally-a', tally, { type: 'Add', amount: 5 }, { context });
    expect(context.idempotency).toMatchObject({ appended: true, replayed: false });
    await first.run('tally-a', tally, { type: 'Add', amount: 100 }, { context: systemContext() });

    // The retry reaches a new process (the first one died before it answered).
    const restarted = new CommandRunner(store, new SystemClock());
    const retryContext = keyed('user-1 POST /tally/a k1');
    const retried = await restarted.run(
      'tally-a',
      tally,
      { type: 'Add', amount: 5 },
      { context: retryContext },
    );
    expect(retryContext.idempotency).toMatchObject({ replayed: true, appended: false });
    expect(retried).toEqual(applied);
    expect(await store.readStream('tally-a')).toHaveLength(2);
  });

  it('answers a retry that its own first attempt would refuse with the first answer', async () => {
    const runner = new CommandRunner(store, new SystemClock());
    await runner.run('tally-b', tally, { type: 'Add', amount: 1 }, { context: systemContext() });
    const closed = await runner.run('tally-b', tally, { type: 'Close' }, { context: keyed('close-b') });
    const retried = await runner.run('tally-b', tally, { type: 'Close' }, { context: keyed('close-b') });
    expect(retried).toEqual(closed);
    // A stale If-Match of the retry is no refusal either: it was the version the first one saw.
    const withVersion = await runner.run(
      'tally-b',
      tally,
      { type: 'Close' },
      { context: keyed('close-b'), expectedVersion: 1 },
    );
    expect(withVersion).toEqual(closed);
    // Without the key it is refused as before.
    await expect(
      runner.run('tally-b', tally, { type: 'Close' }, { context: systemContext() }),
    ).rejects.toThrow('already closed');
  });

  it('lets one of concurrent twins on two instances append; both answer alike', async () => {
    const [a, b] = [new CommandRunner(store, new SystemClock()), new CommandRunner(store, new SystemClock())];
    await a.run('tally-c', tally, { type: 'Add', amount: 1 }, { context: systemContext() });
    await b.load('tally-c', tally);
    const results = await Promise.all(
      [a, b, a, b].map((runner) =>
        runner.run('tally-c', tally, { type: 'Add', amount: 7 }, { context: keyed('twins') }),
      ),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    expect((await store.readStream('tally-c')).map((e) => e.data)).toEqual([{ amount: 1 }, { amount: 7 }]);
  });

  it('records each of several commands of one request on one stream under a key of its own', async () => {
    const runner = new CommandRunner(store, new SystemClock());
    // One request, two commands on one stream (as a PATCH of several changes would run them).
    const handle = async (context: RequestContext) => [
      await runner.run('tally-e', tally, { type: 'Add', amount: 2 }, { context }),
      await runner.run('tally-e', tally, { type: 'Add', amount: 3 }, { context }),
    ];
    const first = await handle(keyed('two-commands'));
    expect(first.map((result) => result.state.total)).toEqual([2, 5]);
    const retried = await handle(keyed('two-commands'));
    expect(retried).toEqual(first);
    expect((await store.readStream('tally-e')).map((e) => e.data)).toEqual([{ amount: 2 }, { amount: 3 }]);
  });

  it('records nothing for a refused command, so a later retry is decided afresh', async () => {
    const runner = new CommandRunner(store, new SystemClock());
    await runner.run('tally-d', tally, { type: 'Close' }, { context: systemContext() });
    await expect(
      runner.run('tally-d', tally, { type: 'Close' }, { context: keyed('refused-d') }),
    ).rejects.toThrow('already closed');
    expect(await store.findAppend('tally-d', 'refused-d')).toBeNull();
  });
});
