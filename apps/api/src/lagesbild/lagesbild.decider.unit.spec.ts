import { sha256 } from './content-hash.js';
import { dismissEverySuggestion, scenario } from './fixtures/lagesbild-scenario.js';
import { background, culture, police, school, weekReports } from './fixtures/reports.fixture.js';
import type { LagesbildCommand, LagesbildEvent } from './lagesbild.decider.js';
import { openContentHash } from './lagesbild-views.js';

const coordinator = 'user-coordinator';
const reviewer = 'user-reviewer';
const period = '2024-W48';

const dismissAll = dismissEverySuggestion(coordinator);

const compile: LagesbildCommand = {
  type: 'CompileLagesbild',
  data: { period, background, reports: weekReports, actorId: coordinator },
};
const mask = (
  sectionId: string,
  path: string,
  start: number,
  end: number,
  extra: {
    redactionId?: string;
    actorId?: string;
    suggestionKind?: 'personnummer';
    legalGround?: string;
    reason?: string;
  } = {},
): LagesbildCommand => ({
  type: 'ApplyRedaction',
  data: {
    redactionId: extra.redactionId ?? 'red-1',
    sectionId,
    path,
    target: { kind: 'mask', start, end },
    legalGround: extra.legalGround ?? 'OSL 26 kap. 1 §',
    reason: extra.reason ?? 'Uppgift om enskild person',
    actorId: extra.actorId ?? coordinator,
    ...(extra.suggestionKind ? { suggestionKind: extra.suggestionKind } : {}),
  },
});
const exclude = (sectionId: string, path: string, redactionId = 'red-x'): LagesbildCommand => ({
  type: 'ApplyRedaction',
  data: {
    redactionId,
    sectionId,
    path,
    target: { kind: 'exclude' },
    legalGround: 'GDPR art. 10',
    reason: 'Uppgift om lagöverträdelse',
    actorId: coordinator,
  },
});
const edit = (sectionId: string, text: string, actorId = coordinator): LagesbildCommand => ({
  type: 'EditSection',
  data: { sectionId, text, actorId },
});
const approve = (actorId = coordinator, contentHash?: string): LagesbildCommand => ({
  type: 'ApproveLagesbild',
  data: contentHash ? { actorId, contentHash } : { actorId },
});
const requestPublication = (correction?: { what: string; why: string }): LagesbildCommand => ({
  type: 'RequestPublication',
  data: correction ? { actorId: coordinator, correction } : { actorId: coordinator },
});

describe('Lagesbild decider', () => {
  describe('compile', () => {
    it('given no lägesbild, when the coordinator compiles, then the snapshot and the report versions taken are recorded', () => {
      const { given } = scenario();
      given()
        .when(compile)
        .then([
          {
            type: 'LagesbildCompiled',
            data: {
              period,
              background,
              reports: weekReports,
              takenVersions: [
                { reportId: 'rep-polisen', organisationId: 'polisen', reportVersion: 3 },
                { reportId: 'rep-skolan', organisationId: 'skolan', reportVersion: 5 },
                { reportId: 'rep-kultur', organisationId: 'kultur-fritid', reportVersion: 2 },
              ],
              by: coordinator,
            },
          },
        ]);
    });

    it('refuses to compile while nothing is submitted (422)', () => {
      const { given } = scenario();
      given()
        .when({ type: 'CompileLagesbild', data: { period, background, reports: [], actorId: coordinator } })
        .thenRefuses('rule', /Nothing has been submitted/);
    });

    it('refuses a second compile: amendments are taken in, never silently re-snapshotted', () => {
      const { given, history } = scenario();
      given(...history(compile))
        .when(compile)
        .thenRefuses('conflict');
    });

    it('refuses two reports from one organisation', () => {
      const { given } = scenario();
      given()
        .when({
          type: 'CompileLagesbild',
          data: { period, background, reports: [school, school], actorId: coordinator },
        })
        .thenRefuses('invalid');
    });

    it('lays the sections out in the seed order, with "Deltar inte på mötet" where chosen', () => {
      const { given, history } = scenario();
      const { state } = given(...history(compile));
      expect(state.status).toBe('compiled');
      expect(state.revision).toBe(1);
      expect(state.sections.map((s) => [s.id, s.kind, s.title])).toEqual([
        ['background', 'background', 'Bakgrund'],
        ['incidents', 'incidents', 'Inrapporterade händelser för perioden'],
        ['police-statistics', 'police_statistics', 'Polisens statistik'],
        ['coordinator-report', 'coordinator_report', 'Brottsförebyggande samordnarens rapport'],
        ['org-polisen', 'organisation_report', 'Polisens rapport'],
        ['org-skolan', 'organisation_report', 'Skolans rapport'],
        ['org-kultur-fritid', 'organisation_report', 'Kultur & Fritidschefens rapport'],
        ['other', 'other', 'Övrigt'],
        ['conclusions', 'conclusions', 'Slutsatser'],
      ]);
      expect(state.sections.find((s) => s.id === 'org-kultur-fritid')?.text).toBe('Deltar inte på mötet.');
      expect(state.sections[0]?.text).toBe(background);
      expect(state.sections[1]?.items?.map((item) => item.id)).toEqual(['inc-2', 'inc-3', 'inc-1']);
      expect(state.sections[2]?.text).toMatch(/^29 Händelserapporter/);
      expect(state.sections[2]?.items).toHaveLength(2);
    });
  });

  describe('coordinator sections', () => {
    it('given a compiled week, when the coordinator writes Slutsatser, then the edit is recorded', () => {
      const { given, history } = scenario();
      given(...history(compile))
        .when(edit('conclusions', 'Rapportera varje vecka.'))
        .then([
          {
            type: 'SectionEdited',
            data: { sectionId: 'conclusions', text: 'Rapportera varje vecka.', by: coordinator },
          },
        ]);
    });

    it('records nothing when the text is unchanged', () => {
      const { given, history } = scenario();
      given(...history(compile, edit('other', 'Ny app.')))
        .when(edit('other', 'Ny app.'))
        .then([]);
    });

    it('refuses to edit an organisation’s own section (403) and an unknown one (404)', () => {
      const { given, history } = scenario();
      const week = given(...history(compile));
      week.when(edit('org-skolan', 'Ändrat')).thenRefuses('forbidden');
      week.when(edit('nope', 'x')).thenRefuses('not_found');
    });

    it('refuses edits before compile', () => {
      const { given } = scenario();
      given().when(edit('conclusions', 'x')).thenRefuses('not_found');
    });
  });

  describe('amended reports', () => {
    const amended = {
      ...school,
      reportVersion: 6,
      narrative: { kind: 'text' as const, text: 'Ändrad text.' },
    };

    it('flags an amendment filed after compile, once', () => {
      const { given, history } = scenario();
      const flag: LagesbildCommand = {
        type: 'FlagAmendedReport',
        data: { reportId: 'rep-skolan', organisationId: 'skolan', reportVersion: 6 },
      };
      given(...history(compile))
        .when(flag)
        .then([{ type: 'AmendedReportFlagged', data: flag.data }]);
      given(...history(compile, flag))
        .when(flag)
        .then([]);
    });

    it('takes the newer version in as a recorded recompile and clears the flag', () => {
      const { given, history } = scenario();
      const flag: LagesbildCommand = {
        type: 'FlagAmendedReport',
        data: { reportId: 'rep-skolan', organisationId: 'skolan', reportVersion: 6 },
      };
      const takeIn: LagesbildCommand = {
        type: 'TakeInReport',
        data: { report: amended, reason: 'Skolan rättade sin text', actorId: coordinator },
      };
      const week = given(...history(compile, flag));
      week.when(takeIn).then([
        {
          type: 'ReportTakenIn',
          data: { report: amended, previousVersion: 5, reason: 'Skolan rättade sin text', by: coordinator },
        },
      ]);
      const after = given(...history(compile, flag, takeIn)).state;
      expect(after.flaggedAmendments).toEqual([]);
      expect(after.revision).toBe(2);
      expect(after.sections.find((s) => s.id === 'org-skolan')?.text).toBe('Ändrad text.');
    });

    it('refuses a version that is not newer than the one taken', () => {
      const { given, history } = scenario();
      given(...history(compile))
        .when({ type: 'TakeInReport', data: { report: school, reason: 'x', actorId: coordinator } })
        .thenRefuses('conflict');
    });
  });

  describe('redactions', () => {
    it('records a mask with its legal ground, reason and the hash of the text it was chosen on', () => {
      const { given, history } = scenario();
      const week = given(...history(compile));
      const text = week.state.sections.find((s) => s.id === 'org-polisen')?.text as string;
      const start = text.indexOf('Kalle');
      week.when(mask('org-polisen', '/text', start, start + 'Kalle Andersson'.length)).then([
        {
          type: 'RedactionApplied',
          data: {
            path: '/text',
            by: coordinator,
            redaction: {
              id: 'red-1',
              kind: 'mask',
              target: { kind: 'field', sectionId: 'org-polisen', itemId: null, field: 'text' },
              start,
              end: start + 15,
              anchorHash: sha256(text),
              legalGround: 'OSL 26 kap. 1 §',
              reason: 'Uppgift om enskild person',
              appliedBy: coordinator,
            },
          },
        },
      ]);
    });

    it('anchors a mask in an item to the item id, not its index', () => {
      const { given, history } = scenario();
      const [event] = given(...history(compile))
        .when(mask('incidents', '/items/0/comment', 0, 6))
        .events();
      expect(event?.type === 'RedactionApplied' && event.data.redaction.target).toEqual({
        kind: 'field',
        sectionId: 'incidents',
        itemId: 'inc-2',
        field: 'comment',
      });
    });

    it('records an accepted suggestion next to the redaction', () => {
      const { given, history } = scenario();
      const events = given(...history(compile))
        .when(mask('org-polisen', '/text', 35, 48, { suggestionKind: 'personnummer' }))
        .events();
      expect(events.map((e) => e.type)).toEqual(['SuggestionAccepted', 'RedactionApplied']);
    });

    it('refuses what a registrar could not defend or the text does not hold', () => {
      const { given, history } = scenario();
      const week = given(...history(compile));
      week
        .when(mask('org-polisen', '/text', 0, 4, { legalGround: 'Tycke' }))
        .thenRefuses('invalid', /legal grounds/);
      week.when(mask('org-polisen', '/text', 0, 4, { reason: ' ' })).thenRefuses('invalid', /reason/);
      week.when(mask('org-polisen', '/text', 5, 5000)).thenRefuses('invalid', /not within the text/);
      week.when(mask('org-polisen', '/nope', 0, 1)).thenRefuses('invalid');
      week.when(mask('org-polisen', 'text', 0, 1)).thenRefuses('invalid', /JSON Pointer/);
      week.when(mask('incidents', '/items/0', 0, 1)).thenRefuses('invalid', /exclude/);
      week.when(mask('incidents', '/items/0/id', 0, 1)).thenRefuses('invalid', /not a text field/);
      week.when(mask('incidents', '/items/9/comment', 0, 1)).thenRefuses('invalid', /no item/);
      week.when(exclude('org-polisen', '/text')).thenRefuses('invalid', /whole item/);
      week.when(mask('nope', '/text', 0, 1)).thenRefuses('invalid', /Unknown section/);
    });

    it('leaves out an item or a section, once', () => {
      const { given, history } = scenario();
      const [event] = given(...history(compile))
        .when(exclude('incidents', '/items/0'))
        .events();
      expect(event?.type === 'RedactionApplied' && event.data.redaction.target).toEqual({
        kind: 'item',
        sectionId: 'incidents',
        itemId: 'inc-2',
      });
      given(...history(compile, exclude('incidents', '/items/0')))
        .when(exclude('incidents', '/items/0', 'red-y'))
        .thenRefuses('conflict');
      const [sectionEvent] = given(...history(compile))
        .when(exclude('org-skolan', ''))
        .events();
      expect(sectionEvent?.type === 'RedactionApplied' && sectionEvent.data.redaction.target).toEqual({
        kind: 'section',
        sectionId: 'org-skolan',
      });
    });

    it('lifts a redaction with a reason, and only an existing one', () => {
      const { given, history } = scenario();
      const week = given(...history(compile, exclude('org-skolan', '')));
      week
        .when({
          type: 'LiftRedaction',
          data: { redactionId: 'red-x', reason: 'Uppgiften är offentlig', actorId: coordinator },
        })
        .then([
          {
            type: 'RedactionLifted',
            data: { redactionId: 'red-x', reason: 'Uppgiften är offentlig', by: coordinator },
          },
        ]);
      week
        .when({ type: 'LiftRedaction', data: { redactionId: 'red-x', reason: '', actorId: coordinator } })
        .thenRefuses('invalid');
      week
        .when({ type: 'LiftRedaction', data: { redactionId: 'nope', reason: 'x', actorId: coordinator } })
        .thenRefuses('not_found');
    });

    it('records a dismissed suggestion with the text it was made on', () => {
      const { given, history } = scenario();
      const week = given(...history(compile));
      const [event] = week
        .when({
          type: 'DismissSuggestion',
          data: {
            sectionId: 'incidents',
            path: '/items/2/problem',
            start: 29,
            end: 45,
            kind: 'name',
            reason: 'En arena',
            actorId: coordinator,
          },
        })
        .events();
      expect(event).toMatchObject({
        type: 'SuggestionDismissed',
        data: { sectionId: 'incidents', itemId: 'inc-1', field: 'problem', kind: 'name', reason: 'En arena' },
      });
    });
  });

  describe('stale redactions', () => {
    const conclusions = 'Kontakta Stefan Sandström vid problem.';
    const setup = [compile, edit('conclusions', conclusions), mask('conclusions', '/text', 9, 25)];

    it('given a mask, when the text under it is edited, then approval is refused until re-confirmed', () => {
      const { given, history } = scenario();
      const edited = [...setup, edit('conclusions', `Ring eller ${conclusions}`)];
      const error = given(...history(...edited))
        .when(approve())
        .thenRefuses('rule', /re-confirm/);
      expect(error.details).toEqual({ staleRedactionIds: ['red-1'] });

      const reconfirm: LagesbildCommand = {
        type: 'ReconfirmRedaction',
        data: { redactionId: 'red-1', start: 20, end: 36, actorId: coordinator },
      };
      const [approved] = given(...history(...edited, reconfirm, dismissAll))
        .when(approve())
        .events();
      expect(approved?.type).toBe('LagesbildApproved');
    });

    it('given a mask on an incident, when an amended report changes that incident, then the mask is stale', () => {
      const { given, history } = scenario();
      const amended = {
        ...school,
        reportVersion: 6,
        incidents: school.incidents.map((incident) =>
          incident.id === 'inc-2' ? { ...incident, comment: `Anmäld: ${incident.comment}` } : incident,
        ),
      };
      given(
        ...history(compile, mask('incidents', '/items/0/comment', 15, 23), {
          type: 'TakeInReport',
          data: { report: amended, reason: 'Rättelse', actorId: coordinator },
        }),
      )
        .when(approve())
        .thenRefuses('rule', /re-confirm/);
    });

    it('refuses to re-confirm a mask whose item is gone', () => {
      const { given, history } = scenario();
      const amended = { ...school, reportVersion: 6, incidents: [] };
      given(
        ...history(compile, mask('incidents', '/items/0/comment', 0, 5), {
          type: 'TakeInReport',
          data: { report: amended, reason: 'Händelsen återtagen', actorId: coordinator },
        }),
      )
        .when({
          type: 'ReconfirmRedaction',
          data: { redactionId: 'red-1', start: 0, end: 5, actorId: coordinator },
        })
        .thenRefuses('rule', /lift/);
    });
  });

  describe('approval', () => {
    it('fixes the exact open revision by its content hash', () => {
      const { given, history } = scenario();
      const week = given(...history(compile, dismissAll, exclude('org-skolan', '')));
      week.when(approve()).then([
        {
          type: 'LagesbildApproved',
          data: { revision: 2, contentHash: openContentHash(week.state), by: coordinator },
        },
      ]);
      week.when(approve(coordinator, '0'.repeat(64))).thenRefuses('conflict', /changed since you read it/);
    });

    it('with four-eyes on, the last redactor and the last editor may not approve; someone else may', () => {
      const { given, history } = scenario({ fourEyes: true });
      const week = given(
        ...history(compile, dismissAll, edit('other', 'Övrigt.', 'user-editor'), exclude('org-skolan', '')),
      );
      week.when(approve(coordinator)).thenRefuses('rule', /Four-eyes/);
      week.when(approve('user-editor')).thenRefuses('rule', /Four-eyes/);
      expect(week.when(approve(reviewer)).events()[0]?.type).toBe('LagesbildApproved');
    });

    it('with four-eyes off, the coordinator approves alone', () => {
      const { given, history } = scenario();
      expect(
        given(...history(compile, dismissAll))
          .when(approve())
          .events()[0]?.type,
      ).toBe('LagesbildApproved');
    });

    it('lapses when the content changes after approval', () => {
      const { given, history } = scenario();
      const { state } = given(...history(compile, dismissAll, approve(), edit('other', 'Sent tillägg')));
      expect(state.status).toBe('compiled');
      expect(state.approval).toBeNull();
    });

    it('refuses to approve twice', () => {
      const { given, history } = scenario();
      given(...history(compile, dismissAll, approve()))
        .when(approve())
        .thenRefuses('conflict');
    });
  });

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

  describe('audiences', () => {
    const audience = {
      name: 'skola-soc',
      title: 'Skola och socialtjänst',
      organisationIds: ['skolan'],
      roles: [],
      sectionIds: ['incidents', 'org-skolan'],
      incidentIds: ['inc-2'],
    };

    it('defines a named audience with its sections and incidents', () => {
      const { given, history } = scenario();
      given(...history(compile))
        .when({ type: 'DefineAudience', data: { audience, actorId: coordinator } })
        .then([{ type: 'AudienceDefined', data: { audience, by: coordinator } }]);
    });

    it('refuses an audience with unknown sections or nobody in it', () => {
      const { given, history } = scenario();
      const week = given(...history(compile));
      week
        .when({
          type: 'DefineAudience',
          data: { audience: { ...audience, sectionIds: ['nope'] }, actorId: coordinator },
        })
        .thenRefuses('invalid', /do not exist/);
      week
        .when({
          type: 'DefineAudience',
          data: { audience: { ...audience, organisationIds: [] }, actorId: coordinator },
        })
        .thenRefuses('invalid', /organisation or role/);
    });
  });

  it('keeps culture’s incident after police and school in report order', () => {
    expect(weekReports).toEqual([police, school, culture]);
  });
});
