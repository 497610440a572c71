import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { DuplicateIdempotencyKeyError } from '../errors.js';
import type { EventMetadata, NewEvent } from '../event.js';
import type { AppendOptions } from '../event-store.js';
import { ANY, NO_STREAM } from '../expected-version.js';
import { HANDLED_APPEND_OPTIONS, everyAppendOptionHandled } from './kurrent-append-plan.js';
import { KurrentEventStore } from './kurrent-event-store.js';
import { KEY_STREAM_PREFIX } from './kurrent-records.js';
import { FakeKurrentClient } from './testing/fake-kurrent-client.js';

// The adapter's control flow on an in-memory stand-in for the client (testing/fake-kurrent-client.ts):
// what it asks the client and what it makes of the answers. No KurrentDB server runs here.
const metadata: EventMetadata = {
  actorId: 'user-1',
  organisationId: null,
  correlationId: 'c0ffee00-0000-4000-8000-000000000003',
  causationId: null,
  occurredAt: '2024-11-25T08:30:00+01:00',
  schemaVersion: 1,
};
const event = (type: string): NewEvent => ({ type, data: { type }, metadata });

async function open() {
  const client = new FakeKurrentClient();
  const store = new KurrentEventStore(client);
  await store.init();
  return { client, store };
}

describe('KurrentEventStore (adapter mapping, on a stand-in client)', () => {
  it('refuses a server older than 26.1 at start, naming both versions', async () => {
    const client = new FakeKurrentClient();
    client.serverVersion = '25.1.0.2480';
    await expect(new KurrentEventStore(client).init()).rejects.toThrow(/25\.1\.0\.2480.*26\.1 or newer/);
  });

  it('handles every append option of the port, and refuses one it does not know', async () => {
    // Compiles only while every key of AppendOptions is handled (kurrent-append-plan.ts).
    expect(everyAppendOptionHandled).toBe(true);
    const all: Required<AppendOptions> = {
      expectedVersion: NO_STREAM,
      guards: [{ streamId: 'week-1', version: 0 }],
      idempotencyKey: 'k',
    };
    expect(Object.keys(all).sort()).toEqual([...HANDLED_APPEND_OPTIONS].sort());
    const { client, store } = await open();
    await expect(store.append('report-1', [event('A')], all)).resolves.toMatchObject({
      nextExpectedVersion: 1,
    });
    const unknown = { expectedVersion: ANY, bypassChecks: true } as AppendOptions;
    await expect(store.append('report-1', [event('B')], unknown)).rejects.toThrow(
      /does not handle append options bypassChecks/,
    );
    expect((await store.readStream('report-1')).map((e) => e.type)).toEqual(['A']);
    expect(client.log.filter((r) => r.streamId === 'report-1')).toHaveLength(1);
  });

  it('sends guards as consistency checks and metadata as strings in one appendRecords call', async () => {
    const { client, store } = await open();
    await store.append('week-1', [event('WeekOpened')], { expectedVersion: NO_STREAM });
    const guarded = { expectedVersion: NO_STREAM, guards: [{ streamId: 'week-1', version: 1 }] } as const;
    await store.append('report-1', [event('A')], guarded);
    const call = client.calls.filter((c) => c.method === 'appendRecords').at(-1)!.options as {
      records: { streamName: string; record: { metadata: unknown } }[];
      checks: unknown[];
    };
    expect(call.checks).toEqual([
      { type: 'stream_state', streamName: 'report-1', expectedState: 'no_stream' },
      { type: 'stream_state', streamName: 'week-1', expectedState: 0n },
    ]);
    expect(call.records[0]!.record.metadata).toMatchObject({
      organisationId: 'json:null',
      schemaVersion: 'json:1',
    });
    expect((await store.readStream('report-1'))[0]!.metadata).toEqual(metadata);
    // The week moved: nothing is written, and the error names the week.
    await store.append('week-1', [event('WeekNoted')], { expectedVersion: 1 });
    await expect(
      store.append('report-1', [event('B')], { ...guarded, expectedVersion: 1 }),
    ).rejects.toMatchObject({
      name: 'WrongExpectedVersionError',
      streamId: 'week-1',
      expected: 1,
      actual: 2,
    });
    expect(await store.readStream('report-1')).toHaveLength(1);
  });

  it('answers an empty append to a missing stream with version 0, as the SQL stores do', async () => {
    const { store } = await open();
    await expect(store.append('missing', [], { expectedVersion: NO_STREAM })).resolves.toEqual({
      nextExpectedVersion: 0,
      lastGlobalPosition: 0,
    });
    await expect(store.append('missing', [], { expectedVersion: ANY })).resolves.toMatchObject({
      nextExpectedVersion: 0,
    });
  });

  it('finds the head past records that are not the application’s (more than a page of them)', async () => {
    const { client, store } = await open();
    await store.append('report-1', [event('A')], { expectedVersion: NO_STREAM });
    const [a] = await store.readStream('report-1');
    for (let i = 0; i < 250; i++) client.writeForeign(`binary-${i}`);
    expect(await store.headCheckpoint()).toBe(a!.checkpoint);
  });

  it('fills a readAll page past records it leaves out, and stops at the end of $all', async () => {
    const { client, store } = await open();
    await store.append('s', [event('A')], { expectedVersion: NO_STREAM });
    for (let i = 0; i < 7; i++) client.writeForeign(`binary-${i}`);
    await store.append('s', [event('B'), event('C')], { expectedVersion: 1, idempotencyKey: 'k' });
    const page = await store.readAll(null, 3);
    expect(page.events.map((e) => e.type)).toEqual(['A', 'B', 'C']);
    const rest = await store.readAll(page.checkpoint, 3);
    expect(rest).toEqual({ events: [], checkpoint: page.checkpoint });
    // The key's record is in $all but never delivered.
    expect(client.log.some((r) => r.streamId.startsWith(KEY_STREAM_PREFIX))).toBe(true);
  });

  it('asks the leader for every read and the subscription', async () => {
    const { client, store } = await open();
    await store.append('s', [event('A')], { expectedVersion: NO_STREAM, idempotencyKey: 'k' });
    await store.readStream('s');
    await store.readAll(null, 10);
    await store.findAppend('s', 'k');
    await store.headCheckpoint();
    const subscription = store.subscribe({ from: null, onEvent: async () => undefined });
    await subscription.caughtUp();
    await subscription.stop();
    const reads = client.calls.filter((c) => ['readStream', 'readAll', 'subscribeToAll'].includes(c.method));
    expect(new Set(reads.map((c) => c.method))).toEqual(new Set(['readStream', 'readAll', 'subscribeToAll']));
    for (const read of reads) expect(read.options).toMatchObject({ requiresLeader: true });
  });

  it('reports a subscription that ends without an error to onError, and caughtUp fails', async () => {
    const { client, store } = await open();
    await store.append('s', [event('A')], { expectedVersion: NO_STREAM });
    client.subscriptionSource = async function* () {}; // the server dropped it quietly
    const errors: unknown[] = [];
    const subscription = store.subscribe({
      from: null,
      onEvent: async () => undefined,
      onError: (e) => errors.push(e),
    });
    await expect(subscription.caughtUp()).rejects.toThrow(/ended without being stopped/);
    expect(errors).toHaveLength(1);
    await subscription.stop();
  });

  it('keeps a throwing onError from becoming an unhandled rejection', async () => {
    const { client, store } = await open();
    // eslint-disable-next-line require-yield -- a subscription that fails before its first event
    client.subscriptionSource = async function* () {
      throw new Error('connection lost');
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const subscription = store.subscribe({
        from: null,
        onEvent: async () => undefined,
        onError: () => {
          throw new Error('handler broke');
        },
      });
      await expect(subscription.caughtUp()).rejects.toThrow('connection lost');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      expect(warning).toHaveBeenCalledWith(
        expect.stringContaining('handler broke'),
        'LagetSubscriptionWarning',
      );
      await subscription.stop();
    } finally {
      process.off('unhandledRejection', onUnhandled);
      warning.mockRestore();
    }
  });

  it('lets one of concurrent keyed appends through even under ANY, and answers the rest with it', async () => {
    const { store } = await open();
    const id = `report-${randomUUID()}`;
    await store.append(id, [event('Opened')], { expectedVersion: NO_STREAM });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        store.append(id, [event('Added')], { expectedVersion: ANY, idempotencyKey: 'once' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const lost of results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))) {
      expect(lost).toBeInstanceOf(DuplicateIdempotencyKeyError);
      expect((lost as DuplicateIdempotencyKeyError).recorded).toMatchObject({
        firstVersion: 2,
        lastVersion: 2,
      });
    }
    expect((await store.readStream(id)).map((e) => e.type)).toEqual(['Opened', 'Added']);
  });

  it('keeps stores on different stream prefixes of one server apart', async () => {
    const client = new FakeKurrentClient();
    const one = new KurrentEventStore(client, { streamPrefix: 'one-' });
    const two = new KurrentEventStore(client, { streamPrefix: 'two-' });
    await one.append('report-1', [event('One')], { expectedVersion: NO_STREAM, idempotencyKey: 'k' });
    await two.append('report-1', [event('Two')], { expectedVersion: NO_STREAM, idempotencyKey: 'k' });
    expect(client.log.map((r) => r.streamId.slice(0, 4))).toEqual(['one-', 'one-', 'two-', 'two-']);
    const read = await one.readAll(null, 10);
    expect(read.events.map((e) => [e.streamId, e.type])).toEqual([['report-1', 'One']]);
    expect(await one.headCheckpoint()).toBe(read.events[0]!.checkpoint);
    expect((await two.readStream('report-1')).map((e) => e.type)).toEqual(['Two']);
    expect(await two.findAppend('report-1', 'k')).toMatchObject({ firstVersion: 1, lastVersion: 1 });
    expect(() => new KurrentEventStore(client, { streamPrefix: '$x' })).toThrow(RangeError);
  });

  it('closes the client: cancels its calls and closes its channel', async () => {
    const { client, store } = await open();
    store.subscribe({ from: null, onEvent: async () => undefined });
    await store.close();
    expect(client.disposed).toBe(true);
    expect(client.channelClosed).toBe(true);
  });
});
