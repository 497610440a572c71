import { type QueryBus, QueryHandlerNotFoundException } from '@nestjs/cqrs';
import type { DocumentSection } from '@laget/contracts';
import { norbergOpenMap } from './fixtures/open-map.fixture.js';
import type { OpenMap } from './open-map.js';
import { openMapAtPublication } from './open-map-at-publication.js';
import type { PublicationArtefacts } from './publication-artefacts.js';
import { OpenMapAreasQuery } from './queries/open-map-areas.query.js';

/** The artefact store's map part, in memory: insert-if-absent as the table is. */
function memoryArtefacts(): Pick<PublicationArtefacts, 'openMap' | 'putOpenMap'> {
  const maps = new Map<string, OpenMap | null>();
  return {
    openMap: async (period, n) => maps.get(`${period}#${n}`),
    putOpenMap: async (period, n, map) => {
      if (!maps.has(`${period}#${n}`)) maps.set(`${period}#${n}`, map);
      return maps.get(`${period}#${n}`) ?? null;
    },
  };
}

const incidents: DocumentSection[] = [{ id: 'incidents', kind: 'incidents', title: 'H', items: [] }];
const area = norbergOpenMap.areas[0]!;
const answer = {
  areas: [{ id: area.areaId, name: area.name, geometry: area.geometry }],
  placeAreas: { torget: area.areaId },
  minCount: 3,
};

function bus(answers: (query: unknown) => unknown): { queryBus: QueryBus; asked: unknown[] } {
  const asked: unknown[] = [];
  const queryBus = {
    execute: async (query: unknown) => {
      asked.push(query);
      return answers(query);
    },
  } as unknown as QueryBus;
  return { queryBus, asked };
}

const publication = (sections: DocumentSection[]) => ({
  period: '2024-W48',
  publicationNumber: 1,
  sections,
  mapIncidents: [
    { category: 'skadegorelse', placeId: 'torget' },
    { category: 'skadegorelse', placeId: 'torget' },
    { category: 'skadegorelse', placeId: 'torget' },
  ],
});

describe('the open map at publication', () => {
  it('counts with the areas asked for, with the configured label, and keeps the first count', async () => {
    const artefacts = memoryArtefacts() as PublicationArtefacts;
    const first = bus((query) =>
      query instanceof OpenMapAreasQuery ? answer : [{ key: 'skadegorelse', label: 'Skadegörelse' }],
    );
    const map = await openMapAtPublication({ ...first, artefacts }, publication(incidents));
    expect(map?.areas[0]?.cells).toEqual([{ category: 'skadegorelse', label: 'Skadegörelse', count: 3 }]);

    // Areas redrawn (or gone) before a second run: the stored map stands, nothing is asked.
    const second = bus(() => ({ areas: [], placeAreas: {}, minCount: 3 }));
    expect(await openMapAtPublication({ ...second, artefacts }, publication(incidents))).toEqual(map);
    expect(second.asked).toEqual([]);
  });

  it('has no map, and remembers that, where no feature answers the areas question', async () => {
    const artefacts = memoryArtefacts() as PublicationArtefacts;
    const none = bus(() => {
      throw new QueryHandlerNotFoundException('OpenMapAreasQuery');
    });
    expect(await openMapAtPublication({ ...none, artefacts }, publication(incidents))).toBeNull();
    expect(await artefacts.openMap('2024-W48', 1)).toBeNull();
  });

  it('does not ask where the open version has no incident table', async () => {
    const artefacts = memoryArtefacts() as PublicationArtefacts;
    const asking = bus(() => answer);
    expect(await openMapAtPublication({ ...asking, artefacts }, publication([]))).toBeNull();
    expect(asking.asked).toEqual([]);
  });

  it('lets any other failure of the question fail the publication (it is retried)', async () => {
    const artefacts = memoryArtefacts() as PublicationArtefacts;
    const broken = bus(() => {
      throw new Error('read store down');
    });
    await expect(openMapAtPublication({ ...broken, artefacts }, publication(incidents))).rejects.toThrow(
      'read store down',
    );
    expect(await artefacts.openMap('2024-W48', 1)).toBeUndefined();
  });
});
