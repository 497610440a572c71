import { scenario } from '../fixtures/lagesbild-scenario.js';
import {
  coordinator,
  dismissAll,
  compile,
  exclude,
  edit,
  approve,
  requestPublication,
} from '../fixtures/decider-commands.js';
import type { LagesbildCommand, LagesbildEvent } from '../lagesbild.decider.js';

describe('Lagesbild decider', () => {
  describe('publication', () => {
    it('refuses to publish what is not approved', () => {
      const { given, history } = scenario();
      given(...history(compile, dismissAll))
        .when(requestPublication())
        .thenRefuses('rule', /approve it first/);
    });

    it('requests, then records the publication of the approved hash; a repeated job is harmless', () => {
      const { given, history } = scenario();
      const approved = given(...history(compile, dismissAll, approve()));
      const hash = approved.state.approval?.contentHash as string;
      approved.when(requestPublication()).then([
        {
          type: 'PublicationRequested',
          data: { publicationNumber: 1, revision: 1, contentHash: hash, correction: null, by: coordinator },
        },
      ]);
      const requested = given(...history(compile, dismissAll, approve(), requestPublication()));
      requested.when(edit('other', 'x')).thenRefuses('conflict', /in progress/);
      const record: LagesbildCommand = {
        type: 'RecordPublication',
        data: {
          publicationNumber: 1,
          contentHash: hash,
          publishedAt: '2024-12-02T09:30:00+01:00',
          pdfHash: 'a'.repeat(64),
        },
      };
      // The record names both the approved content and the exact PDF file the public got.
      requested.when(record).then([{ type: 'LagesbildPublished', data: record.data as never }]);
      requested
        .when({
          type: 'RecordPublication',
          data: { publicationNumber: 1, contentHash: 'f'.repeat(64), publishedAt: 'x' },
        })
        .thenRefuses('conflict');
      const published = given(...history(compile, dismissAll, approve(), requestPublication(), record));
      expect(published.state.status).toBe('published');
      published.when(record).then([]);
    });

    it('a failed publication job leaves the approved revision ready to try again', () => {
      const { given, history } = scenario();
      const failed = given(
        ...history(compile, dismissAll, approve(), requestPublication(), {
          type: 'RecordPublicationFailure',
          data: { publicationNumber: 1, error: 'disk full' },
        }),
      );
      expect(failed.state.status).toBe('approved');
      expect(failed.when(requestPublication()).events()[0]).toMatchObject({ data: { publicationNumber: 2 } });
    });

    it('a correction after publication is a new revision that says what and why', () => {
      const { given, history, fold } = scenario();
      const first = history(compile, dismissAll, approve(), requestPublication());
      const hash = (
        first.find((event) => event.type === 'LagesbildApproved') as Extract<
          LagesbildEvent,
          { type: 'LagesbildApproved' }
        >
      ).data.contentHash;
      const published: LagesbildEvent[] = [
        ...first,
        {
          type: 'LagesbildPublished',
          data: { publicationNumber: 1, contentHash: hash, publishedAt: 'then' },
        },
      ];
      const afterPublish = fold(published);
      const { decider } = scenario();
      const corrected = [...published, ...decider.decide(exclude('org-polisen', ''), afterPublish)];
      const reapproved = [...corrected, ...decider.decide(approve(), fold(corrected))];
      const week = given(...reapproved);
      week.when(requestPublication()).thenRefuses('invalid', /what was corrected and why/);
      const correction = { what: 'Polisens rapport togs bort', why: 'Innehöll uppgift om enskild' };
      expect(week.when(requestPublication(correction)).events()[0]).toMatchObject({
        type: 'PublicationRequested',
        data: { publicationNumber: 2, revision: 2, correction },
      });
      expect(week.state.publications[0]?.state).toBe('published');
    });

    it('retracts the live publication with a reason; nothing published means nothing to retract', () => {
      const { given, history, fold } = scenario();
      const events = history(compile, dismissAll, approve(), requestPublication());
      const hash = fold(events).approval?.contentHash as string;
      const live = [
        ...events,
        {
          type: 'LagesbildPublished',
          data: { publicationNumber: 1, contentHash: hash, publishedAt: 'then' },
        } as const,
      ];
      const retract: LagesbildCommand = {
        type: 'RetractPublication',
        data: { reason: 'Felaktig uppgift', actorId: coordinator },
      };
      given(...live)
        .when(retract)
        .then([
          {
            type: 'PublicationRetracted',
            data: { publicationNumber: 1, reason: 'Felaktig uppgift', by: coordinator },
          },
        ]);
      expect(
        fold([
          ...live,
          { type: 'PublicationRetracted', data: { publicationNumber: 1, reason: 'x', by: coordinator } },
        ]).status,
      ).toBe('retracted');
      given(...history(compile, dismissAll))
        .when(retract)
        .thenRefuses('rule', /Nothing is published/);
    });
  });
});
