import { scenario } from '../fixtures/lagesbild-scenario.js';
import { background, culture, police, school, weekReports } from '../fixtures/reports.fixture.js';
import { coordinator, period, compile, edit } from '../fixtures/decider-commands.js';
import type { LagesbildCommand } from '../lagesbild.decider.js';

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

    it('replays a stored AmendedReportFlagged without changing the lägesbild', () => {
      const { given, history } = scenario();
      const compiled = given(...history(compile)).state;
      const flagged = given(...history(compile), {
        type: 'AmendedReportFlagged',
        data: { reportId: 'rep-skolan', organisationId: 'skolan', reportVersion: 6 },
      }).state;
      expect(flagged).toEqual(compiled);
    });

    it('takes the newer version in as a recorded recompile', () => {
      const { given, history } = scenario();
      const takeIn: LagesbildCommand = {
        type: 'TakeInReport',
        data: { report: amended, reason: 'Skolan rättade sin text', actorId: coordinator },
      };
      const week = given(...history(compile));
      week.when(takeIn).then([
        {
          type: 'ReportTakenIn',
          data: { report: amended, previousVersion: 5, reason: 'Skolan rättade sin text', by: coordinator },
        },
      ]);
      const after = given(...history(compile, takeIn)).state;
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

  it('keeps culture’s incident after police and school in report order', () => {
    expect(weekReports).toEqual([police, school, culture]);
  });
});
