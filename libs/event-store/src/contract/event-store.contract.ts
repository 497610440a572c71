import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { WrongExpectedVersionError } from '../errors.js';
import type { NewEvent, RecordedEvent } from '../event.js';
import type { EventStore } from '../event-store.js';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../expected-version.js';
import { idempotentAppendContract } from './idempotent-append.contract.js';
import {
  committedAfter,
  event,
  lastCheckpoint,
  metadata,
  readAllFrom,
  settle,
  stream,
} from './contract-helpers.js';
import { subscriptionsContract } from './subscriptions.contract.js';

/**
 * The one contract every EventStore adapter passes. An adapter's `*.int.spec.ts` calls
 * `eventStoreContract` with a way to open a store on an empty database.
 */
export interface EventStoreHarness {
  store: EventStore;
  /**
   * Starts a transaction on a connection of its own that appends and stays open until commit()
   * is called; only for adapters where concurrent transactions exist (see `outOfOrderCommit`).
   */
  beginOpenAppend?: (streamId: string, events: NewEvent[]) => Promise<{ commit(): Promise<void> }>;
  close(): Promise<void>;
}

export interface EventStoreContractOptions {
  open: () => Promise<EventStoreHarness>;
  /**
   * Whether a write transaction can take a global position and commit after a later one. Where
   * it cannot, say why; the case is then listed as skipped with that reason.
   */
  outOfOrderCommit: { possible: true } | { possible: false; reason: string };
}

export function eventStoreContract(options: EventStoreContractOptions): void {
  let harness: EventStoreHarness;
  let store: EventStore;

  beforeAll(async () => {
    harness = await options.open();
    store = harness.store;
    await store.init();
    await store.init(); // idempotent
  });
  afterAll(async () => {
    await harness?.close();
  });

  idempotentAppendContract(() => store);

  describe('appending and reading a stream', () => {
    it('records events with versions from 1, their ids, metadata and a recording time', async () => {
      const id = stream('report');
      const eventId = randomUUID();
      const result = await store.append(
        id,
        [
          event('ReportOpened', { period: '2024-W48' }, { eventId }),
          event('IncidentReported', { problem: 'Klotter' }),
        ],
        { expectedVersion: NO_STREAM },
      );
      expect(result.nextExpectedVersion).toBe(2);

      const events = await store.readStream(id);
      expect(events.map((e) => [e.streamId, e.streamVersion, e.type])).toEqual([
        [id, 1, 'ReportOpened'],
        [id, 2, 'IncidentReported'],
      ]);
      expect(events[0]!.eventId).toBe(eventId);
      expect(events[1]!.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(events[0]!.data).toEqual({ period: '2024-W48' });
      expect(events[0]!.metadata).toEqual(metadata);
      expect(new Date(events[0]!.recordedAt).toISOString()).toBe(events[0]!.recordedAt);
      expect(result.lastGlobalPosition).toBe(events[1]!.globalPosition);
    });

    it('reads a stream from a version and at most maxCount events; an unknown stream is empty', async () => {
      const id = stream('report');
      await store.append(
        id,
        Array.from({ length: 5 }, (_, i) => event('Counted', { i })),
        { expectedVersion: NO_STREAM },
      );
      const page = await store.readStream(id, { fromVersion: 2, maxCount: 3 });
      expect(page.map((e) => e.streamVersion)).toEqual([2, 3, 4]);
      expect(await store.readStream(stream('missing'))).toEqual([]);
    });

    it('reads several streams in one call, each as readStream answers it, in the order asked', async () => {
      const report = stream('report');
      const period = stream('period');
      await store.append(report, [event('A', { n: 1 }), event('B', { n: 2 }), event('C', { n: 3 })], {
        expectedVersion: NO_STREAM,
      });
      await store.append(period, [event('Compiled', {})], { expectedVersion: NO_STREAM });
      const reads = [
        { streamId: period },
        { streamId: stream('missing') },
        { streamId: report, fromVersion: 2 },
        { streamId: report },
      ];
      const answers = await store.readStreams(reads);
      expect(answers).toEqual(await Promise.all(reads.map((read) => store.readStream(read.streamId, read))));
      expect(answers.map((events) => events.map((e) => e.streamVersion))).toEqual([
        [1],
        [],
        [2, 3],
        [1, 2, 3],
      ]);
      expect(await store.readStreams([])).toEqual([]);
    });

    it('answers a retried append with the same event ids with the first result, not a second copy', async () => {
      const id = stream('report');
      const events = [event('A', {}, { eventId: randomUUID() }), event('B', {}, { eventId: randomUUID() })];
      const first = await store.append(id, events, { expectedVersion: NO_STREAM });
      const again = await store.append(id, events, { expectedVersion: NO_STREAM });
      expect(again).toEqual(first);
      expect(await store.readStream(id)).toHaveLength(2);
    });
  });

  describe('expected versions', () => {
    it('enforces NO_STREAM, STREAM_EXISTS, ANY and exact versions', async () => {
      const id = stream('period');
      await expect(
        store.append(id, [event('X', {})], { expectedVersion: STREAM_EXISTS }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.append(id, [event('X', {})], { expectedVersion: 1 })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      expect((await store.append(id, [event('X', {})], { expectedVersion: 0 })).nextExpectedVersion).toBe(1);
      await expect(store.append(id, [event('X', {})], { expectedVersion: NO_STREAM })).rejects.toMatchObject({
        name: 'WrongExpectedVersionError',
        streamId: id,
        expected: NO_STREAM,
        actual: 1,
      });
      expect(
        (await store.append(id, [event('X', {})], { expectedVersion: STREAM_EXISTS })).nextExpectedVersion,
      ).toBe(2);
      expect((await store.append(id, [event('X', {})], { expectedVersion: ANY })).nextExpectedVersion).toBe(
        3,
      );
      expect(
        (await store.append(id, [event('X', {}), event('Y', {})], { expectedVersion: 3 }))
          .nextExpectedVersion,
      ).toBe(5);
      for (const stale of [4, 6, 0]) {
        await expect(store.append(id, [event('X', {})], { expectedVersion: stale })).rejects.toMatchObject({
          name: 'WrongExpectedVersionError',
          expected: stale,
          actual: 5,
        });
      }
      expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
      const other = stream('period');
      expect(
        (await store.append(other, [event('X', {})], { expectedVersion: ANY })).nextExpectedVersion,
      ).toBe(1);
    });

    it('appends under guards only while each guard stream is at its version, where the adapter can', async () => {
      const report = stream('report');
      const week = stream('week');
      const unknown = stream('week');
      if (!store.appendGuards) {
        await expect(
          store.append(report, [event('X', {})], {
            expectedVersion: ANY,
            guards: [{ streamId: week, version: 0 }],
          }),
        ).rejects.toBeInstanceOf(TypeError);
        expect(await store.readStream(report)).toEqual([]);
        return;
      }
      await store.append(week, [event('WeekOpened', {}), event('WeekNoted', {})], {
        expectedVersion: NO_STREAM,
      });
      const guards = [
        { streamId: week, version: 2 },
        { streamId: unknown, version: 0 }, // a stream without events is at 0
      ];
      expect(
        (await store.append(report, [event('A', {})], { expectedVersion: NO_STREAM, guards }))
          .nextExpectedVersion,
      ).toBe(1);
      await store.append(week, [event('WeekCompiled', {})], { expectedVersion: 2 });
      await expect(
        store.append(report, [event('B', {})], { expectedVersion: 1, guards }),
      ).rejects.toMatchObject({ name: 'WrongExpectedVersionError', streamId: week, expected: 2, actual: 3 });
      await expect(
        store.append(report, [event('B', {})], {
          expectedVersion: 1,
          guards: [{ streamId: week, version: 3 }],
        }),
      ).resolves.toMatchObject({ nextExpectedVersion: 2 });
      // The stream's own version is still checked first, and an empty append checks the guards too.
      await expect(
        store.append(report, [event('C', {})], {
          expectedVersion: 1,
          guards: [{ streamId: week, version: 3 }],
        }),
      ).rejects.toMatchObject({ streamId: report, expected: 1, actual: 2 });
      await expect(
        store.append(report, [], { expectedVersion: 2, guards: [{ streamId: week, version: 2 }] }),
      ).rejects.toMatchObject({ streamId: week, expected: 2, actual: 3 });
      expect((await store.readStream(report)).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('lets exactly one of N concurrent writers win each version of one stream', async () => {
      const id = stream('lagesbild');
      const writers = 8;
      const rounds = 5;
      for (let version = 0; version < rounds; version++) {
        const { won, lost } = await settle(
          Array.from({ length: writers }, (_, w) =>
            store.append(id, [event('Edited', { writer: w, version })], { expectedVersion: version }),
          ),
        );
        expect(won).toHaveLength(1);
        expect(won[0]!.nextExpectedVersion).toBe(version + 1);
        expect(lost).toHaveLength(writers - 1);
        for (const error of lost) expect(error).toBeInstanceOf(WrongExpectedVersionError);
      }
      expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    });

    it('lets exactly one of two concurrent creators of a new stream win with NO_STREAM', async () => {
      for (let i = 0; i < 10; i++) {
        const id = stream('organisation');
        const { won, lost } = await settle([
          store.append(id, [event('Created', { by: 'a' })], { expectedVersion: NO_STREAM }),
          store.append(id, [event('Created', { by: 'b' }), event('Renamed', {})], {
            expectedVersion: NO_STREAM,
          }),
        ]);
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]).toBeInstanceOf(WrongExpectedVersionError);
        const recorded = await store.readStream(id);
        expect(recorded.length).toBe(won[0]!.nextExpectedVersion);
        expect(new Set(recorded.map((e) => (e.data as { by?: string }).by).filter(Boolean)).size).toBe(1);
      }
    });

    it('never refuses concurrent ANY appends and leaves no gap in the versions', async () => {
      const id = stream('audit');
      const { won, lost } = await settle(
        Array.from({ length: 8 }, (_, w) =>
          store.append(id, [event('Logged', { w, part: 1 }), event('Logged', { w, part: 2 })], {
            expectedVersion: ANY,
          }),
        ),
      );
      expect(lost).toEqual([]);
      expect(won).toHaveLength(8);
      const recorded = await store.readStream(id);
      expect(recorded.map((e) => e.streamVersion)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      // Each append's events stay together and in order.
      for (let i = 0; i < 16; i += 2) {
        expect(recorded[i]!.data).toMatchObject({ part: 1 });
        expect(recorded[i + 1]!.data).toEqual({ ...(recorded[i]!.data as object), part: 2 });
      }
    });
  });

  describe('the global log', () => {
    it('orders all streams globally, in append order, with increasing positions and checkpoints', async () => {
      const before = await lastCheckpoint(store);
      const a = stream('a');
      const b = stream('b');
      await store.append(a, [event('One', {})], { expectedVersion: NO_STREAM });
      await store.append(b, [event('Two', {}), event('Three', {})], { expectedVersion: NO_STREAM });
      await store.append(a, [event('Four', {})], { expectedVersion: 1 });

      const events = await committedAfter(store, before);
      expect(events.map((e) => e.type)).toEqual(['One', 'Two', 'Three', 'Four']);
      expect(events.map((e) => e.streamId)).toEqual([a, b, b, a]);
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.globalPosition).toBeGreaterThan(events[i - 1]!.globalPosition);
        expect(store.compareCheckpoints(events[i]!.checkpoint, events[i - 1]!.checkpoint)).toBeGreaterThan(0);
        expect(store.compareCheckpoints(events[i - 1]!.checkpoint, events[i]!.checkpoint)).toBeLessThan(0);
      }
      expect(store.compareCheckpoints(events[0]!.checkpoint, events[0]!.checkpoint)).toBe(0);
      expect(await store.headCheckpoint()).toBe(events.at(-1)!.checkpoint);
      // readStream and readAll agree on what was recorded.
      expect(await store.readStream(a)).toEqual(events.filter((e) => e.streamId === a));
    });

    it('reads from any position, page by page, and returns `from` when there is nothing new', async () => {
      const id = stream('paged');
      await store.append(
        id,
        Array.from({ length: 23 }, (_, i) => event('Paged', { i })),
        { expectedVersion: NO_STREAM },
      );
      const everything = await committedAfter(store, null);
      const ours = everything.filter((e) => e.streamId === id);
      expect(ours.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 23 }, (_, i) => i));

      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: everything.length - 1 }),
          fc.integer({ min: 1, max: 9 }),
          async (start, pageSize) => {
            const from = everything[start]!.checkpoint;
            const rest = await readAllFrom(store, from, pageSize);
            expect(rest.map((e) => e.eventId)).toEqual(everything.slice(start + 1).map((e) => e.eventId));
          },
        ),
        { numRuns: 15 },
      );

      const last = everything.at(-1)!.checkpoint;
      const nothing = await store.readAll(last, 10);
      expect(nothing.events).toEqual([]);
      expect(nothing.checkpoint).toBe(last);
    });

    it('round-trips unicode exactly: å ä ö, emoji, combining marks, right-to-left and astral text', async () => {
      const id = stream('unicode');
      const data = {
        text: 'Skadegörelse vid Åkerbyskolan; ägare: Östen Ärlig',
        emoji: '🚓🔥👩🏽‍🚒🇸🇪',
        combining: 'A\u030Angstro\u0308m e\u0301 (decomposed: å ö é)',
        rtl: 'مرحبا שלום',
        astral: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎',
        'nyckel åäö 🔑': ['lista', { nästlad: 'ÅÄÖ' }],
        escapes: 'quote " backslash \\ newline \n tab \t',
      };
      await store.append(id, [event('Unicode', data, { type: 'Händelse✓' })], { expectedVersion: NO_STREAM });
      const [recorded] = await store.readStream(id);
      expect(recorded!.type).toBe('Händelse✓');
      expect(JSON.stringify(recorded!.data)).toBe(JSON.stringify(data));

      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.string({ unit: 'grapheme', maxLength: 8 }),
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            {
              maxKeys: 5,
            },
          ),
          async (payload) => {
            const clean = JSON.parse(JSON.stringify(payload).replaceAll('\\u0000', '')) as object;
            const sid = stream('unicode-property');
            await store.append(sid, [event('Property', clean)], { expectedVersion: NO_STREAM });
            const [back] = await store.readStream(sid);
            expect(JSON.stringify(back!.data)).toBe(JSON.stringify(clean));
          },
        ),
        { numRuns: 25 },
      );
    });

    it('round-trips a payload of about 1 MB exactly, through readStream and readAll', async () => {
      const before = await lastCheckpoint(store);
      const id = stream('large');
      const line = 'Rapport från Skolan: oro kring ungdomsgrupper vid Centrumgården 🏫 — åäö ÅÄÖ. ';
      const data = {
        narrative: line.repeat(Math.ceil(1_000_000 / line.length)),
        items: Array.from({ length: 2000 }, (_, i) => ({ id: i, plats: `Storgatan ${i}` })),
      };
      await store.append(id, [event('LargeNarrative', data)], { expectedVersion: NO_STREAM });
      const [viaStream] = await store.readStream(id);
      expect(JSON.stringify(viaStream!.data)).toBe(JSON.stringify(data));
      const viaAll = (await committedAfter(store, before)).find((e) => e.streamId === id);
      expect(JSON.stringify(viaAll!.data)).toBe(JSON.stringify(data));
      expect(JSON.stringify(data).length).toBeGreaterThan(1_000_000);
    });
  });

  subscriptionsContract(() => store);

  const outOfOrder = options.outOfOrderCommit;
  const title = 'never skips an event whose transaction took an earlier position but committed later';
  if (!outOfOrder.possible) {
    it.skip(`${title} (not applicable: ${outOfOrder.reason})`, () => undefined);
    return;
  }
  describe('out-of-order commits', () => {
    it(title, async () => {
      const begin = harness.beginOpenAppend;
      if (!begin) throw new Error('The harness must provide beginOpenAppend for this adapter');
      const start = await lastCheckpoint(store);
      const delivered: RecordedEvent[] = [];
      const subscription = store.subscribe({ from: start, onEvent: async (e) => void delivered.push(e) });
      try {
        const streamA = stream('slow');
        const streamB = stream('fast');
        // A takes its position first and stays open; B takes a later one and commits.
        const a = await begin(streamA, [event('SlowCommit', {})]);
        await store.append(streamB, [event('FastCommit', {})], { expectedVersion: NO_STREAM });
        // A reader polls now, while A is still open, and remembers where it got to.
        const polled = await store.readAll(start, 100);
        expect(polled.events.map((e) => e.streamId)).not.toContain(streamA);
        await a.commit();

        // Continuing from the checkpoint it saw while A was open, the reader still gets A.
        const continued = await committedAfter(store, polled.checkpoint);
        const seen = [...polled.events, ...continued].map((e) => e.streamId);
        expect(seen.filter((s) => s === streamA)).toHaveLength(1);
        expect(seen.filter((s) => s === streamB)).toHaveLength(1);

        // And the live subscriber delivers both, exactly once.
        await subscription.caughtUp();
        const streams = delivered.map((e) => e.streamId);
        expect(streams.filter((s) => s === streamA)).toHaveLength(1);
        expect(streams.filter((s) => s === streamB)).toHaveLength(1);
      } finally {
        await subscription.stop();
      }
    });
  });
}
