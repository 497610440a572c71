import {
  DEFAULT_CRIME_CATEGORIES,
  DEFAULT_INCIDENT_CATEGORIES,
  MAX_INCIDENTS_PER_REPORT,
} from '@laget/contracts';
import { deciderSpec } from '../platform/domain/testing/decider-spec.js';
import { parseOccurredAt } from './occurred-at.js';
import {
  decideReport,
  evolveReport,
  initialReportState,
  reportDecider,
  type IncidentFields,
  type PeriodContext,
  type ReportCommand,
  type ReportEvent,
  type ReportState,
} from './report.decider.js';

const open: PeriodContext = { status: 'open', compilation: 0 };
const compiled: PeriodContext = { status: 'compiled', compilation: 1 };
const categories = DEFAULT_CRIME_CATEGORIES.map((c) => c.key);
const incidentCategories = DEFAULT_INCIDENT_CATEGORIES.map((c) => c.key);
const at = '2024-11-29T10:00:00+01:00';

const handfat: IncidentFields = {
  problem: 'Skadegörelse på handfat på Frida Hansdotter Arena',
  location: 'Inne på toaletten',
  placeId: null,
  occurredAt: parseOccurredAt('250107'),
  frequency: '',
  category: 'skadegorelse',
  tags: [],
  assessment: { severity: 2, scope: 'EA' },
  comment: 'Söndersparkat vattenlås.',
};

const opened: ReportEvent = {
  type: 'ReportOpened',
  data: { reportId: 'r1', period: '2024-W48', organisationId: 'nvk', openedById: 'u1', openedAt: at },
};
const incidentReported: ReportEvent = {
  type: 'IncidentReported',
  data: { incidentId: 'i1', incident: handfat, changes: [] },
};
const submitted: ReportEvent = { type: 'ReportSubmitted', data: { submittedAt: at, submission: 1 } };

const spec = deciderSpec(reportDecider);

const fold = (...events: ReportEvent[]): ReportState => events.reduce(evolveReport, initialReportState());

describe('report decider', () => {
  describe('opening', () => {
    it('opens a draft for an organisation and a period', () => {
      spec
        .given([])
        .when({
          type: 'OpenReport',
          data: { reportId: 'r1', period: '2024-W48', organisationId: 'nvk', openedById: 'u1', at },
        })
        .then([opened]);
      expect(fold(opened)).toMatchObject({
        status: 'draft',
        attendance: 'reporting',
        incidents: [],
        narrative: '',
      });
    });

    it('refuses a second report for the same pair', () => {
      spec
        .given([opened])
        .when({
          type: 'OpenReport',
          data: { reportId: 'r1', period: '2024-W48', organisationId: 'nvk', openedById: 'u1', at },
        })
        .thenThrows({ name: 'DomainError', kind: 'conflict' });
    });

    it('does not know a report that was never opened', () => {
      spec
        .given([])
        .when({ type: 'SubmitReport', data: { at, period: open } })
        .thenThrows({ name: 'DomainError', kind: 'not_found' });
    });
  });

  describe('incidents', () => {
    it('records an added incident with every field as a change from nothing', () => {
      spec
        .given([opened])
        .when({
          type: 'AddIncident',
          data: { incidentId: 'i1', incident: handfat, period: open, categories: incidentCategories },
        })
        .then([
          {
            type: 'IncidentReported',
            data: expect.objectContaining({
              incidentId: 'i1',
              changes: expect.arrayContaining([
                { field: 'problem', before: null, after: handfat.problem },
                { field: 'assessment.scope', before: null, after: 'EA' },
              ]),
            }),
          },
        ]);
    });

    it('treats the same incident added twice as one', () => {
      spec
        .given([opened, incidentReported])
        .when({
          type: 'AddIncident',
          data: { incidentId: 'i1', incident: handfat, period: open, categories: incidentCategories },
        })
        .thenNothing();
    });

    it('refuses a different incident under an id already used', () => {
      spec
        .given([opened, incidentReported])
        .when({
          type: 'AddIncident',
          data: {
            incidentId: 'i1',
            incident: { ...handfat, comment: 'x' },
            period: open,
            categories: incidentCategories,
          },
        })
        .thenThrows({ name: 'DomainError', kind: 'conflict' });
    });

    it(`refuses incident number ${MAX_INCIDENTS_PER_REPORT + 1}`, () => {
      const many = Array.from({ length: MAX_INCIDENTS_PER_REPORT }, (_, n): ReportEvent => ({
        type: 'IncidentReported',
        data: { incidentId: `i${n}`, incident: handfat, changes: [] },
      }));
      spec
        .given([opened, ...many])
        .when({
          type: 'AddIncident',
          data: { incidentId: 'new', incident: handfat, period: open, categories: incidentCategories },
        })
        .thenThrows({ name: 'DomainError', kind: 'rule' });
    });

    it('records an edit as field-level before and after, only for what changed', () => {
      spec
        .given([opened, incidentReported])
        .when({
          type: 'EditIncident',
          data: {
            incidentId: 'i1',
            changes: { comment: 'Lagat.', assessment: { severity: 3, scope: 'EA' } },
            period: open,
            categories: incidentCategories,
          },
        })
        .then([
          {
            type: 'IncidentEdited',
            data: {
              incidentId: 'i1',
              changes: [
                { field: 'comment', before: 'Söndersparkat vattenlås.', after: 'Lagat.' },
                { field: 'assessment.severity', before: 2, after: 3 },
              ],
            },
          },
        ]);
    });

    it('records nothing for an edit that changes nothing', () => {
      spec
        .given([opened, incidentReported])
        .when({
          type: 'EditIncident',
          data: {
            incidentId: 'i1',
            changes: { comment: handfat.comment },
            period: open,
            categories: incidentCategories,
          },
        })
        .thenNothing();
    });

    it('applies an edit to the state', () => {
      const state = fold(opened, incidentReported, {
        type: 'IncidentEdited',
        data: { incidentId: 'i1', changes: [{ field: 'assessment.severity', before: 2, after: 4 }] },
      });
      expect(state).toMatchObject({ incidents: [{ id: 'i1', assessment: { severity: 4, scope: 'EA' } }] });
    });

    it('withdraws an incident, keeping what it said in the event', () => {
      spec
        .given([opened, incidentReported])
        .when({ type: 'WithdrawIncident', data: { incidentId: 'i1', reason: 'Dubblett', period: open } })
        .then([
          {
            type: 'IncidentWithdrawn',
            data: expect.objectContaining({
              reason: 'Dubblett',
              changes: expect.arrayContaining([{ field: 'problem', before: handfat.problem, after: null }]),
            }),
          },
        ]);
      expect(
        fold(opened, incidentReported, {
          type: 'IncidentWithdrawn',
          data: { incidentId: 'i1', reason: null, changes: [] },
        }),
      ).toMatchObject({ incidents: [] });
    });

    it('refuses a category the municipality does not use, naming the field', () => {
      spec
        .given([opened])
        .when({
          type: 'AddIncident',
          data: {
            incidentId: 'i1',
            incident: { ...handfat, category: 'okategoriserad' },
            period: open,
            categories: incidentCategories,
          },
        })
        .thenThrows({ name: 'DomainError', kind: 'invalid', details: { field: 'category' } });
    });

    it('records a changed category as a field change, and refuses an unknown one', () => {
      spec
        .given([opened, incidentReported])
        .when({
          type: 'EditIncident',
          data: {
            incidentId: 'i1',
            changes: { category: 'klotter' },
            period: open,
            categories: incidentCategories,
          },
        })
        .then([
          {
            type: 'IncidentEdited',
            data: {
              incidentId: 'i1',
              changes: [{ field: 'category', before: 'skadegorelse', after: 'klotter' }],
            },
          },
        ]);
      spec
        .given([opened, incidentReported])
        .when({
          type: 'EditIncident',
          data: {
            incidentId: 'i1',
            changes: { category: 'nope' },
            period: open,
            categories: incidentCategories,
          },
        })
        .thenThrows({ name: 'DomainError', kind: 'invalid' });
    });

    it('does not know an incident that is not in the report', () => {
      spec
        .given([opened])
        .when({
          type: 'EditIncident',
          data: {
            incidentId: 'nope',
            changes: { comment: 'x' },
            period: open,
            categories: incidentCategories,
          },
        })
        .thenThrows({ name: 'DomainError', kind: 'not_found' });
    });
  });

  describe('narrative, attendance and statistics', () => {
    it('records the narrative with before and after', () => {
      spec
        .given([opened])
        .when({ type: 'EditReport', data: { narrative: 'Lugnt just nu.', categories, period: open } })
        .then([
          {
            type: 'NarrativeWritten',
            data: { changes: [{ field: 'narrative', before: '', after: 'Lugnt just nu.' }] },
          },
        ]);
    });

    it('records "not attending" as a declared attendance', () => {
      spec
        .given([opened])
        .when({ type: 'EditReport', data: { attendance: 'not_attending', categories, period: open } })
        .then([
          {
            type: 'AttendanceDeclared',
            data: { changes: [{ field: 'attendance', before: 'reporting', after: 'not_attending' }] },
          },
        ]);
    });

    it('records police statistics first as a whole, then field by field', () => {
      const statistics = {
        handelserapporter: 29,
        arenden: 13,
        brott: 21,
        categories: [{ category: 'bedrageri', count: 1 }],
      };
      spec
        .given([opened])
        .when({ type: 'EditReport', data: { statistics, categories, period: open } })
        .then([
          {
            type: 'PoliceStatisticsRecorded',
            data: { changes: [{ field: 'statistics', before: null, after: statistics }] },
          },
        ]);
      const recorded: ReportEvent = {
        type: 'PoliceStatisticsRecorded',
        data: { changes: [{ field: 'statistics', before: null, after: statistics }] },
      };
      spec
        .given([opened, recorded])
        .when({
          type: 'EditReport',
          data: { statistics: { ...statistics, brott: 22 }, categories, period: open },
        })
        .then([
          {
            type: 'PoliceStatisticsRecorded',
            data: { changes: [{ field: 'statistics.brott', before: 21, after: 22 }] },
          },
        ]);
      expect(
        fold(opened, recorded, {
          type: 'PoliceStatisticsRecorded',
          data: { changes: [{ field: 'statistics.brott', before: 21, after: 22 }] },
        }),
      ).toMatchObject({ statistics: { handelserapporter: 29, brott: 22 } });
    });

    it('refuses a crime category the municipality does not use, naming the row', () => {
      const statistics = {
        handelserapporter: 1,
        arenden: 1,
        brott: 1,
        categories: [{ category: 'spionage', count: 1 }],
      };
      const run = () =>
        decideReport({ type: 'EditReport', data: { statistics, categories, period: open } }, fold(opened));
      expect(run).toThrow(
        expect.objectContaining({
          kind: 'invalid',
          details: expect.objectContaining({ field: 'statistics.categories.0.category' }),
        }),
      );
    });

    it('records nothing when nothing changes', () => {
      spec
        .given([opened])
        .when({
          type: 'EditReport',
          data: { narrative: '', attendance: 'reporting', categories, period: open },
        })
        .thenNothing();
    });
  });

  describe('submitting, amending, re-submitting, withdrawing', () => {
    it('submits a report with content', () => {
      spec
        .given([opened, incidentReported])
        .when({ type: 'SubmitReport', data: { at, period: open } })
        .then([{ type: 'ReportSubmitted', data: { submittedAt: at, submission: 1 } }]);
    });

    it('refuses to submit an empty report, and says what to do', () => {
      spec
        .given([opened])
        .when({ type: 'SubmitReport', data: { at, period: open } })
        .thenThrows({ name: 'DomainError', kind: 'rule' });
    });

    it('takes "nothing to report" as a real answer', () => {
      expect(
        spec
          .given([
            opened,
            {
              type: 'AttendanceDeclared',
              data: { changes: [{ field: 'attendance', before: 'reporting', after: 'nothing_to_report' }] },
            },
          ])
          .when({ type: 'SubmitReport', data: { at, period: open } })
          .events(),
      ).toMatchObject([{ type: 'ReportSubmitted' }]);
    });

    it('refuses "nothing to report" next to incidents', () => {
      spec
        .given([
          opened,
          incidentReported,
          {
            type: 'AttendanceDeclared',
            data: { changes: [{ field: 'attendance', before: 'reporting', after: 'nothing_to_report' }] },
          },
        ])
        .when({ type: 'SubmitReport', data: { at, period: open } })
        .thenThrows({ name: 'DomainError', kind: 'rule' });
    });

    it('moves a submitted report to amended on a change, and re-submits it', () => {
      const amended = fold(opened, incidentReported, submitted, {
        type: 'NarrativeWritten',
        data: { changes: [{ field: 'narrative', before: '', after: 'Tillägg' }] },
      });
      expect(amended.status).toBe('amended');
      spec
        .given([
          opened,
          incidentReported,
          submitted,
          {
            type: 'NarrativeWritten',
            data: { changes: [{ field: 'narrative', before: '', after: 'Tillägg' }] },
          },
        ])
        .when({ type: 'SubmitReport', data: { at, period: open } })
        .then([{ type: 'ReportResubmitted', data: { submittedAt: at, submission: 2 } }]);
    });

    it('refuses to submit an unchanged submitted report again', () => {
      spec
        .given([opened, incidentReported, submitted])
        .when({ type: 'SubmitReport', data: { at, period: open } })
        .thenThrows({ name: 'DomainError', kind: 'conflict' });
    });

    it('withdraws a submitted report and remembers what it was', () => {
      spec
        .given([opened, incidentReported, submitted])
        .when({ type: 'WithdrawReport', data: { at, reason: 'Fel vecka', period: open } })
        .then([
          {
            type: 'ReportWithdrawn',
            data: { withdrawnAt: at, reason: 'Fel vecka', previousStatus: 'submitted' },
          },
        ]);
    });

    it('refuses to withdraw a draft', () => {
      spec
        .given([opened])
        .when({ type: 'WithdrawReport', data: { at, reason: null, period: open } })
        .thenThrows({ name: 'DomainError', kind: 'rule' });
    });

    it('turns a withdrawn report back into a draft when it is edited', () => {
      const state = fold(
        opened,
        incidentReported,
        submitted,
        {
          type: 'ReportWithdrawn',
          data: { withdrawnAt: at, reason: null, previousStatus: 'submitted' },
        },
        { type: 'NarrativeWritten', data: { changes: [{ field: 'narrative', before: '', after: 'Ny' }] } },
      );
      expect(state.status).toBe('draft');
    });
  });

  describe('locking after compile', () => {
    it.each<[string, ReportCommand]>([
      ['an edit', { type: 'EditReport', data: { narrative: 'x', categories, period: compiled } }],
      [
        'a new incident',
        {
          type: 'AddIncident',
          data: { incidentId: 'i2', incident: handfat, period: compiled, categories: incidentCategories },
        },
      ],
      [
        'an incident edit',
        {
          type: 'EditIncident',
          data: {
            incidentId: 'i1',
            changes: { comment: 'x' },
            period: compiled,
            categories: incidentCategories,
          },
        },
      ],
      ['a withdrawal', { type: 'WithdrawReport', data: { at, reason: null, period: compiled } }],
      ['a submission', { type: 'SubmitReport', data: { at, period: compiled } }],
    ])('refuses %s once the period is compiled', (_, command) => {
      spec
        .given([opened, incidentReported, submitted])
        .when(command)
        .thenThrows({ name: 'DomainError', kind: 'rule' });
    });

    it('lets the coordinator reopen a locked report with a reason, until the next compile', () => {
      spec
        .given([opened, incidentReported, submitted])
        .when({ type: 'ReopenReport', data: { reason: 'Polisen kompletterar', period: compiled } })
        .then([{ type: 'ReportReopened', data: { reason: 'Polisen kompletterar', compilation: 1 } }]);
      const reopened: ReportEvent = {
        type: 'ReportReopened',
        data: { reason: 'Polisen kompletterar', compilation: 1 },
      };
      expect(
        spec
          .given([opened, incidentReported, submitted, reopened])
          .when({ type: 'EditReport', data: { narrative: 'Komplettering', categories, period: compiled } })
          .events(),
      ).toMatchObject([{ type: 'NarrativeWritten' }]);
      spec
        .given([opened, incidentReported, submitted, reopened])
        .when({
          type: 'EditReport',
          data: { narrative: 'Komplettering', categories, period: { status: 'compiled', compilation: 2 } },
        })
        .thenThrows({ name: 'DomainError', kind: 'rule' });
    });

    it('refuses to reopen a report in an open period, or twice', () => {
      spec
        .given([opened])
        .when({ type: 'ReopenReport', data: { reason: 'x', period: open } })
        .thenThrows({ name: 'DomainError', kind: 'rule' });
      spec
        .given([opened, { type: 'ReportReopened', data: { reason: 'x', compilation: 1 } }])
        .when({ type: 'ReopenReport', data: { reason: 'y', period: compiled } })
        .thenThrows({ name: 'DomainError', kind: 'conflict' });
    });

    it('requires a reason to reopen', () => {
      spec
        .given([opened])
        .when({ type: 'ReopenReport', data: { reason: '  ', period: compiled } })
        .thenThrows({ name: 'DomainError', kind: 'invalid' });
    });
  });
});
