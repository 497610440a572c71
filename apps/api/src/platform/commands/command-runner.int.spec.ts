import { SqlEventStore, WrongExpectedVersionError, type SqlDatabase } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import type { Decider, DomainEvent } from '../domain/decider.js';
import { SystemClock } from './clock.js';
import { CommandRunner } from './command-runner.js';
import { systemContext } from './request-context.js';

/** A tally that remembers each addition, to see that nothing is folded twice or lost. */
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

/** The same events folded by a careless evolve that changes the state it was given. */
const mutatingTally: Decider<Tally, { amount: number }, TallyEvent> = {
  ...tally,
  evolve: (state, event) => {
    state.additions.push(event.data.amount);
    return { total: state.total + event.data.amount, additions: state.additions };
  },
};

describe('CommandRunner with its stream-state cache', () => {
  let db: SqlDatabase;
  let store: SqlEventStore;
  const context = systemContext('command-runner-test');

  beforeAll(async () => {
    db = await freshPglite();
    store = new SqlEventStore(db);
    await store.init();
  });
  afterAll(async () => {
    await store.close();
    await db.close();
  });

  it('sees what another instance appended since it last loaded the stream', async () => {
    // Two API instances on one event store, each with its own cache.
    const first = new CommandRunner(store, new SystemClock());
    const second = new CommandRunner(store, new SystemClock());
    await first.run('tally-a', tally, { amount: 1 }, { context });
    await first.run('tally-a', tally, { amount: 2 }, { context });
    await second.run('tally-a', tally, { amount: 10 }, { context });
    await first.run('tally-a', tally, { amount: 3 }, { context });

    for (const runner of [first, second]) {
      const loaded = await runner.load('tally-a', tally);
      expect(loaded).toEqual({ state: { total: 16, additions: [1, 2, 10, 3] }, version: 4, exists: true });
    }
    const fresh = await new CommandRunner(store, new SystemClock()).load('tally-a', tally);
    expect(fresh.state).toEqual({ total: 16, additions: [1, 2, 10, 3] });
  });

  it('still refuses a stale client version after caching', async () => {
    const runner = new CommandRunner(store, new SystemClock());
    await runner.run('tally-b', tally, { amount: 1 }, { context });
    await new CommandRunner(store, new SystemClock()).run('tally-b', tally, { amount: 1 }, { context });
    await expect(
      runner.run('tally-b', tally, { amount: 1 }, { context, expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await runner.load('tally-b', tally)).version).toBe(2);
  });

  it('keeps folders apart: one stream folded two ways is cached twice', async () => {
    const runner = new CommandRunner(store, new SystemClock());
    const count = { initialState: () => 0, evolve: (n: number) => n + 1 };
    await runner.run('tally-c', tally, { amount: 5 }, { context });
    await runner.run('tally-c', tally, { amount: 5 }, { context });
    expect((await runner.load('tally-c', count)).state).toBe(2);
    expect((await runner.load('tally-c', tally)).state.total).toBe(10);
  });

  it('loads several streams in one go, each as load would, cached or not', async () => {
    const runner = new CommandRunner(store, new SystemClock());
    const count = { initialState: () => 0, evolve: (n: number) => n + 1 };
    await runner.run('tally-e', tally, { amount: 2 }, { context });
    await new CommandRunner(store, new SystemClock()).run('tally-e', tally, { amount: 3 }, { context });
    const [e, missing, counted] = await runner.loadMany([
      { streamId: 'tally-e', folder: tally },
      { streamId: 'tally-none', folder: tally },
      { streamId: 'tally-e', folder: count },
    ] as const);
    expect(e).toEqual({ state: { total: 5, additions: [2, 3] }, version: 2, exists: true });
    expect(missing).toEqual({ state: { total: 0, additions: [] }, version: 0, exists: false });
    expect(counted).toEqual({ state: 2, version: 2, exists: true });
    expect(await new CommandRunner(store, new SystemClock()).load('tally-e', tally)).toEqual(e);
  });

  it('remembers what it loaded or appended, an empty stream too, for appends guarded by those versions', async () => {
    const runner = new CommandRunner(store, new SystemClock());
    const loads = [
      { streamId: 'tally-remembered', folder: tally },
      { streamId: 'tally-never', folder: tally },
    ] as const;
    expect(runner.remembered(loads)).toBeNull(); // nothing loaded yet: the caller must read
    await runner.loadMany(loads);
    await runner.run('tally-remembered', tally, { amount: 4 }, { context });
    expect(runner.remembered(loads)).toEqual([
      { state: { total: 4, additions: [4] }, version: 1, exists: true },
      { state: { total: 0, additions: [] }, version: 0, exists: false },
    ]);
    // A store that cannot guard an append gets no remembered states: its callers always read.
    const unguarded = new CommandRunner(
      Object.assign(Object.create(store), { appendGuards: false }),
      new SystemClock(),
    );
    await unguarded.loadMany(loads);
    expect(unguarded.remembered(loads)).toBeNull();
  });

  it('fails loudly, under test, when an evolve changes a cached state instead of returning a new one', async () => {
    const runner = new CommandRunner(store, new SystemClock());
    // Even a new stream's initial state is cached (frozen), so the very first command fails.
    await expect(runner.run('tally-d', mutatingTally, { amount: 1 }, { context })).rejects.toThrow(TypeError);
  });
});
