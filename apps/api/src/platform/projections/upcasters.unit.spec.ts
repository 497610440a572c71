import fc from 'fast-check';
import type { Checkpoint, RecordedEvent } from '@laget/event-store';
import { Upcasters } from './upcasters.js';

function recorded(type: string, data: unknown, schemaVersion?: number): RecordedEvent {
  return {
    eventId: 'e1',
    type,
    data,
    metadata: {
      actorId: 'u1',
      organisationId: null,
      correlationId: 'c1',
      causationId: null,
      occurredAt: '2024-11-25T08:00:00+01:00',
      ...(schemaVersion === undefined ? {} : { schemaVersion }),
    },
    streamId: 'report-1',
    streamVersion: 1,
    globalPosition: 1,
    checkpoint: '1' as Checkpoint,
    recordedAt: '2024-11-25T07:00:00.000Z',
  };
}

describe('Upcasters', () => {
  // IncidentReported v1 had `place`; v2 renamed it `location`; v3 added `scope` with "A" as the old meaning.
  const upcasters = new Upcasters()
    .register('IncidentReported', 1, (data) => {
      const { place, ...rest } = data as { place: string };
      return { ...rest, location: place };
    })
    .register('IncidentReported', 2, (data) => ({ ...(data as object), scope: 'A' }));

  it('lifts an event without schemaVersion (version 1) through every step', () => {
    const event = recorded('IncidentReported', { problem: 'Skadegörelse', place: 'Centrum' });
    const upcast = upcasters.upcast(event);
    expect(upcast.data).toEqual({ problem: 'Skadegörelse', location: 'Centrum', scope: 'A' });
    expect(upcast.metadata.schemaVersion).toBe(3);
    expect(upcast.eventId).toBe(event.eventId);
  });

  it('starts from the version the event carries', () => {
    const upcast = upcasters.upcast(recorded('IncidentReported', { location: 'Torget' }, 2));
    expect(upcast.data).toEqual({ location: 'Torget', scope: 'A' });
    expect(upcast.metadata.schemaVersion).toBe(3);
  });

  it('returns current events and other types untouched (the same object)', () => {
    const current = recorded('IncidentReported', { location: 'Torget', scope: 'E' }, 3);
    const other = recorded('ReportSubmitted', { place: 'x' });
    expect(upcasters.upcast(current)).toBe(current);
    expect(upcasters.upcast(other)).toBe(other);
  });

  it('never changes the stored event', () => {
    const event = recorded('IncidentReported', { place: 'Centrum' });
    const before = structuredClone(event);
    upcasters.upcast(event);
    expect(event).toEqual(before);
  });

  it('refuses a second step from the same version and a version below 1', () => {
    expect(() => new Upcasters().register('A', 1, (d) => d).register('A', 1, (d) => d)).toThrow(
      /already registered/,
    );
    expect(() => new Upcasters().register('A', 0, (d) => d)).toThrow(/≥ 1/);
  });

  it('applies exactly the steps from the event’s version up, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 10 }), (steps, from) => {
        const chain = new Upcasters();
        for (let v = 1; v <= steps; v++) chain.register('E', v, (data) => [...(data as number[]), v]);
        const upcast = chain.upcast(recorded('E', [], from));
        const expected = Array.from({ length: Math.max(0, steps - from + 1) }, (_, i) => from + i);
        expect(upcast.data).toEqual(expected);
        expect(upcast.metadata.schemaVersion ?? 1).toBe(Math.max(from, steps + 1));
      }),
    );
  });
});
