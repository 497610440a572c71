import type { RecordedEvent } from '@laget/event-store';
import { Upcasters } from '../platform/projections/upcasters.js';
import { registerIncidentCategoryUpcaster } from './incident-category.upcaster.js';

const upcasters = new Upcasters();
registerIncidentCategoryUpcaster(upcasters);

function reported(incident: Record<string, unknown>): RecordedEvent {
  return {
    eventId: 'e1',
    streamId: 'report-2024-W48.nvk',
    streamVersion: 2,
    globalPosition: 2n,
    type: 'IncidentReported',
    data: { incidentId: 'i1', incident, changes: [] },
    metadata: {
      actorId: 'u1',
      organisationId: 'nvk',
      correlationId: 'c1',
      causationId: null,
      occurredAt: '2024-11-25T10:00:00Z',
    },
  } as unknown as RecordedEvent;
}

describe('the incident category upcaster', () => {
  it('reads an incident reported before categories as okategoriserad, without tags', () => {
    const event = upcasters.upcast(reported({ problem: 'Klotter' }));
    expect(event.data).toMatchObject({
      incident: { problem: 'Klotter', category: 'okategoriserad', tags: [] },
    });
    expect(event.metadata.schemaVersion).toBe(2);
  });

  it('leaves a category and tags that were given alone', () => {
    const event = upcasters.upcast(reported({ problem: 'Klotter', category: 'klotter', tags: ['skola'] }));
    expect(event.data).toMatchObject({ incident: { category: 'klotter', tags: ['skola'] } });
  });

  it('leaves an event of another shape alone', () => {
    const odd = reported({});
    (odd as { data: unknown }).data = 'not an object';
    expect(upcasters.upcast(odd).data).toBe('not an object');
  });
});
