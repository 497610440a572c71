import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import { WrongExpectedVersionError, type EventStore } from '@laget/event-store';
import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
import { AppConfig } from '../config/app-config.js';
import { FixedClock } from '../platform/commands/clock.js';
import { DomainError } from '../platform/domain/domain-error.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { EVENT_STORE } from '../platform/platform.tokens.js';
import { PlatformModule } from '../platform/platform.module.js';
import { ReportingModule } from './reporting.module.js';
import { reportingFeature } from './reporting.feature.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type {
  AddIncidentRequest,
  EditIncidentRequest,
  EditReportRequest,
  OpenReportRequest,
  RegisterPlaceRequest,
  ReportStatus,
} from '@laget/contracts';
import type { SignedInCaller } from '../identity/index.js';
import { AddIncidentCommand, AddIncidentHandler } from './commands/add-incident.command.js';
import {
  EditIncidentCommand,
  EditReportCommand,
  OpenReportCommand,
  RegisterPlaceCommand,
  ReopenReportCommand,
  ReportChanges,
  ReportGuards,
  SubmitReportCommand,
} from './commands/index.js';
import { GetPeriodQuery, GetReportQuery, ListPlacesQuery, ListReportsQuery } from './queries/index.js';
import { ReportAndWeekCommands } from './report-and-week.js';
import { defaultReportingSettings } from './reporting.settings.js';
import { DEMO_PERIOD, fileDemoWeek } from './demo-week.js';
import { callerFor, compileWeek, registerOrganisations } from './testing/reporting-test-kit.js';

type Caller = SignedInCaller;

/** The reporting use cases as this suite calls them: each a command or query on the module's buses. */
function busesOf(module: TestingModule) {
  const commands = module.get(CommandBus);
  const queries = module.get(QueryBus);
  return {
    commandBus: commands,
    queryBus: queries,
    openReport: (caller: Caller, request: OpenReportRequest) =>
      commands.execute(new OpenReportCommand(caller, request)),
    getReport: (caller: Caller, reportId: string) => queries.execute(new GetReportQuery(caller, reportId)),
    editReport: (caller: Caller, reportId: string, request: EditReportRequest, version: number | undefined) =>
      commands.execute(new EditReportCommand(caller, reportId, request, version)),
    submitReport: (caller: Caller, reportId: string, version: number | undefined) =>
      commands.execute(new SubmitReportCommand(caller, reportId, version)),
    reopenReport: (caller: Caller, reportId: string, reason: string, version: number | undefined) =>
      commands.execute(new ReopenReportCommand(caller, reportId, reason, version)),
    addIncident: (
      caller: Caller,
      reportId: string,
      request: AddIncidentRequest,
      version: number | undefined,
    ) => commands.execute(new AddIncidentCommand(caller, reportId, request, version)),
    editIncident: (
      caller: Caller,
      reportId: string,
      incidentId: string,
      request: EditIncidentRequest,
      version: number | undefined,
    ) => commands.execute(new EditIncidentCommand(caller, reportId, incidentId, request, version)),
    listReports: (
      caller: Caller,
      filter: { period?: string; status?: ReportStatus },
      page: { page: number; perPage: number },
    ) => queries.execute(new ListReportsQuery(caller, filter, page)),
    getPeriod: (period: string) => queries.execute(new GetPeriodQuery(period)),
    registerPlace: (caller: Caller, request: RegisterPlaceRequest) =>
      commands.execute(new RegisterPlaceCommand(caller, request)),
    listPlaces: (includeRetired: boolean) => queries.execute(new ListPlacesQuery(includeRetired)),
  };
}

const incident = {
  problem: 'Skadegörelse på handfat på Frida Hansdotter Arena',
  location: 'Inne på toaletten',
  occurredAt: '250107',
  frequency: '',
  category: 'skadegorelse',
  assessment: { severity: 2, scope: 'EA' as const },
  comment: 'Söndersparkat vattenlås.',
};

/** Something in the week's lägesbild that leaves the week open (the coordinator drafting it). */
const sectionEdited = (period: string) => ({
  type: 'SectionEdited',
  data: { period },
  metadata: {
    actorId: 'u-bf',
    organisationId: null,
    correlationId: 'c-section',
    causationId: null,
    occurredAt: new Date().toISOString(),
  },
});

const refusal = (kind: DomainError['kind']) => expect.objectContaining({ name: 'DomainError', kind });

describeWith(['postgres'], 'reporting commands and queries on PostgreSQL', () => {
  let module: TestingModule;
  let reporting: ReturnType<typeof busesOf>;
  let store: EventStore;
  let drop: () => Promise<void>;
  // Friday of 2024-W48, before the Monday 09:00 deadline.
  const clock = new FixedClock(new Date('2024-11-29T10:00:00+01:00'));

  const nvk = callerFor('u-nvk', 'nvk', ['reporter']);
  const school = callerFor('u-skolan', 'skolan', ['reporter']);
  const coordinator = callerFor('u-bf', 'samordnaren', ['coordinator']);

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const config = AppConfig.fromEnvironment({
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
    });
    module = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ config, clock, features: [reportingFeature] }), ReportingModule],
    }).compile();
    await module.init();
    reporting = busesOf(module);
    store = module.get(EVENT_STORE);
    await registerOrganisations(store);
  });

  afterAll(async () => {
    await module?.close();
    await drop?.();
  });

  it('runs a report through its life: open, incidents, narrative, submit, amend, re-submit', async () => {
    const opened = await reporting.openReport(nvk, { period: '2024-W48', organisationId: 'nvk' });
    expect(opened).toMatchObject({ id: '2024-W48.nvk', status: 'draft', version: 1, locked: false });

    const added = await reporting.addIncident(nvk, opened.id, incident, 1);
    expect(added).toMatchObject({
      occurredAt: '250107',
      occurredAtParsed: { kind: 'date', on: '2025-01-07' },
      version: 2,
    });
    const narrated = await reporting.editReport(nvk, opened.id, { narrative: 'Lugnt just nu.' }, 2);
    const submitted = await reporting.submitReport(nvk, opened.id, narrated.version);
    expect(submitted).toMatchObject({
      status: 'submitted',
      submissions: 1,
      incidents: [{ problem: incident.problem }],
    });

    const amended = await reporting.editIncident(
      nvk,
      opened.id,
      added.id,
      { comment: 'Lagat.' },
      submitted.version,
    );
    expect((await reporting.getReport(nvk, opened.id)).status).toBe('amended');
    const resubmitted = await reporting.submitReport(nvk, opened.id, amended.version);
    expect(resubmitted).toMatchObject({ status: 'submitted', submissions: 2 });

    const events = await store.readStream(`report-${opened.id}`);
    expect(events.map((event) => event.type)).toEqual([
      'ReportOpened',
      'IncidentReported',
      'NarrativeWritten',
      'ReportSubmitted',
      'IncidentEdited',
      'ReportResubmitted',
    ]);
    expect(events[4]?.data).toEqual({
      incidentId: added.id,
      changes: [{ field: 'comment', before: 'Söndersparkat vattenlås.', after: 'Lagat.' }],
    });
    expect(events[4]?.metadata).toMatchObject({ actorId: 'u-nvk', organisationId: 'nvk' });
  });

  it('refuses a second report for the same organisation and week', async () => {
    await expect(reporting.openReport(nvk, { period: '2024-W48', organisationId: 'nvk' })).rejects.toEqual(
      refusal('conflict'),
    );
  });

  it('keeps other organisations’ reports invisible to a reporter (404), and drafts from the coordinator', async () => {
    await expect(reporting.getReport(school, '2024-W48.nvk')).rejects.toEqual(refusal('not_found'));
    await expect(reporting.openReport(school, { period: '2024-W48', organisationId: 'nvk' })).rejects.toEqual(
      expect.objectContaining({ kind: expect.stringMatching(/forbidden|conflict/) }),
    );
    const draft = await reporting.openReport(school, { period: '2024-W48', organisationId: 'skolan' });
    await expect(reporting.getReport(coordinator, draft.id)).rejects.toEqual(refusal('not_found'));
    expect((await reporting.getReport(coordinator, '2024-W48.nvk')).status).toBe('submitted');
    const list = await reporting.listReports(school, { period: '2024-W48' }, { page: 1, perPage: 50 });
    expect(list.items.map((item) => item.organisationId)).toEqual(['skolan']);
    expect(list.total).toBe(1);
  });

  it('shows who has reported, and who is late after the deadline', async () => {
    const friday = await reporting.getPeriod('2024-W48');
    expect(friday).toMatchObject({ id: '2024-W48', status: 'open', monthlyMeeting: true });
    const states = Object.fromEntries(friday.compliance!.map((entry) => [entry.organisationId, entry.state]));
    expect(states).toEqual({
      polisen: 'pending',
      socialtjansten: 'pending',
      skolan: 'pending',
      nvk: 'on_time',
      naringslivet: 'pending',
      kultur: 'pending',
    });

    clock.set(new Date('2024-12-02T10:00:00+01:00'));
    await reporting.editReport(school, '2024-W48.skolan', { attendance: 'nothing_to_report' }, undefined);
    await reporting.submitReport(school, '2024-W48.skolan', undefined);
    const monday = await reporting.getPeriod('2024-W48');
    const after = Object.fromEntries(monday.compliance!.map((entry) => [entry.organisationId, entry.state]));
    expect(after).toMatchObject({ nvk: 'on_time', skolan: 'late', polisen: 'missing' });
  });

  it('locks reports once the period is compiled, until the coordinator reopens one with a reason', async () => {
    await compileWeek(store, '2024-W48');
    await expect(
      reporting.editReport(nvk, '2024-W48.nvk', { narrative: 'Sent tillägg' }, undefined),
    ).rejects.toEqual(refusal('forbidden'));
    await expect(
      reporting.openReport(callerFor('u-p', 'polisen', ['reporter']), {
        period: '2024-W48',
        organisationId: 'polisen',
      }),
    ).rejects.toEqual(refusal('forbidden'));
    await expect(reporting.reopenReport(nvk, '2024-W48.nvk', 'Jag vill', undefined)).rejects.toEqual(
      refusal('forbidden'),
    );

    const reopened = await reporting.reopenReport(coordinator, '2024-W48.nvk', 'NVK kompletterar', undefined);
    expect(reopened.locked).toBe(false);
    const edited = await reporting.editReport(nvk, '2024-W48.nvk', { narrative: 'Sent tillägg' }, undefined);
    expect(edited.status).toBe('amended');

    await compileWeek(store, '2024-W48');
    expect((await reporting.getReport(nvk, '2024-W48.nvk')).locked).toBe(true);
  });

  it('lets exactly one of two concurrent edits at the same version through, and loses neither silently', async () => {
    clock.set(new Date('2024-12-04T10:00:00+01:00'));
    const report = await reporting.openReport(nvk, { period: '2024-W49', organisationId: 'nvk' });
    const colleague = callerFor('u-nvk-2', 'nvk', ['reporter']);
    const results = await Promise.allSettled([
      reporting.editReport(nvk, report.id, { narrative: 'Version A' }, report.version),
      reporting.editReport(colleague, report.id, { narrative: 'Version B' }, report.version),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason;
    expect(
      reason instanceof WrongExpectedVersionError ||
        (reason instanceof DomainError && reason.kind === 'conflict'),
    ).toBe(true);
    const winner = (fulfilled[0] as PromiseFulfilledResult<{ narrative: string }>).value.narrative;
    expect((await reporting.getReport(nvk, report.id)).narrative).toBe(winner);
  });

  it('refuses to open a report in a week compiled between reading the week and appending', async () => {
    clock.set(new Date('2024-12-11T10:00:00+01:00'));
    const period = '2024-W50';
    const police = callerFor('u-p', 'polisen', ['reporter']);
    // The compile lands right after the service has read the week as open (a race of one round trip).
    const readStreams = store.readStreams.bind(store);
    let raced = false;
    store.readStreams = async (requests) => {
      const answers = await readStreams(requests);
      if (!raced && requests.some((request) => request.streamId === `lagesbild-${period}`)) {
        raced = true;
        await compileWeek(store, period);
      }
      return answers;
    };
    try {
      await expect(reporting.openReport(police, { period, organisationId: 'polisen' })).rejects.toEqual(
        refusal('forbidden'),
      );
    } finally {
      store.readStreams = readStreams;
    }
    expect(raced).toBe(true);
    expect(await store.readStream(`report-${period}.polisen`)).toEqual([]);
  });

  it("does not answer 409 to an If-Match edit when only the week's lägesbild moved on", async () => {
    clock.set(new Date('2024-12-18T10:00:00+01:00'));
    const report = await reporting.openReport(nvk, { period: '2024-W51', organisationId: 'nvk' });
    // Something in the week's lägesbild that leaves the week open (the coordinator drafting it).
    await store.append(
      'lagesbild-2024-W51',
      [
        {
          type: 'SectionEdited',
          data: { period: '2024-W51' },
          metadata: {
            actorId: 'u-bf',
            organisationId: null,
            correlationId: 'c-section',
            causationId: null,
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      { expectedVersion: 'any' },
    );
    const edited = await reporting.editReport(nvk, report.id, { narrative: 'Lugn vecka' }, report.version);
    expect(edited).toMatchObject({ narrative: 'Lugn vecka', version: report.version + 1, locked: false });
  });

  it('decides a report command without If-Match again after losing races to the report and to its week (docs/adr/0018)', async () => {
    clock.set(new Date('2024-12-25T10:00:00+01:00'));
    const period = '2024-W52';
    const report = await reporting.openReport(nvk, { period, organisationId: 'nvk' });
    const colleague = callerFor('u-nvk-3', 'nvk', ['reporter']);
    // The colleague works through another API instance: commands of one instance take turns.
    const otherAddIncident = new AddIncidentHandler(
      new ReportChanges(
        new ReportAndWeekCommands(new CommandRunner(store, clock), clock),
        module.get(ReportGuards),
        clock,
      ),
      defaultReportingSettings,
    );
    const otherInstance = {
      addIncident: (
        caller: Caller,
        reportId: string,
        request: AddIncidentRequest,
        version: number | undefined,
      ) => otherAddIncident.execute(new AddIncidentCommand(caller, reportId, request, version)),
    };
    // Before each of the next six appends to the report, another writer comes first: alternately
    // a colleague adds an incident (the report moves) and the coordinator drafts the week (the
    // guard moves).
    const append = store.append.bind(store);
    let races = 0;
    let racing = false;
    store.append = async (streamId, events, options) => {
      if (!racing && races < 6 && streamId === `report-${report.id}`) {
        racing = true;
        races++;
        try {
          if (races % 2)
            await otherInstance.addIncident(
              colleague,
              report.id,
              { ...incident, comment: `${races}` },
              undefined,
            );
          else await append(`lagesbild-${period}`, [sectionEdited(period)], { expectedVersion: 'any' });
        } finally {
          racing = false;
        }
      }
      return append(streamId, events, options);
    };
    try {
      const added = await reporting.addIncident(nvk, report.id, incident, undefined);
      expect(races).toBe(6);
      expect(added.version).toBe(report.version + 4);
      const final = await reporting.getReport(nvk, report.id);
      expect(final.incidents.map((each) => each.comment)).toEqual(['1', '3', '5', incident.comment]);
      expect(final.incidents[3]!.id).toBe(added.id);

      // With If-Match, a moved report is the client's 409…
      races = 4; // the next race: a colleague adds an incident
      const before = await reporting.getReport(nvk, report.id);
      await expect(
        reporting.editReport(nvk, report.id, { narrative: 'Efter en ny händelse' }, before.version),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(races).toBe(5);
      // …but a moved week alone is decided again (the next race: the coordinator drafts the week).
      const after = await reporting.getReport(nvk, report.id);
      const edited = await reporting.editReport(nvk, report.id, { narrative: 'Lugn vecka' }, after.version);
      expect(races).toBe(6);
      expect(edited).toMatchObject({ narrative: 'Lugn vecka', version: after.version + 1 });
    } finally {
      store.append = append;
    }
  });

  it('keeps the place register: unique names, WGS84, coordinator only', async () => {
    const arena = await reporting.registerPlace(coordinator, {
      name: 'Frida Hansdotter Arena',
      kind: 'sports_facility',
      coordinates: { lat: 60.0706, lon: 15.9294 },
    });
    await expect(
      reporting.registerPlace(coordinator, {
        name: 'frida hansdotter arena',
        kind: 'other',
        coordinates: null,
      }),
    ).rejects.toEqual(refusal('conflict'));
    await expect(reporting.registerPlace(nvk, { name: 'Unkan', kind: 'youth_centre' })).rejects.toEqual(
      refusal('forbidden'),
    );
    expect(await reporting.listPlaces(false)).toEqual([
      expect.objectContaining({ id: arena.id, coordinates: arena.coordinates }),
    ]);
  });

  it('files the seed week in demo mode, once, however often it is called', async () => {
    clock.set(new Date('2024-11-29T12:00:00+01:00'));
    const reporter = (organisationId: string) => ({ organisationId, userId: `demo-${organisationId}` });
    const reporters = {
      police: reporter('polisen'),
      socialServices: reporter('socialtjansten'),
      school: reporter('skolan'),
      nvk: reporter('nvk'),
      business: reporter('naringslivet'),
      cultureLeisure: reporter('kultur'),
      coordinator: reporter('samordnaren'),
    };
    // A database of its own: the suite's week is already full of test reports.
    const database = await createTestDatabase();
    const config = AppConfig.fromEnvironment({
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
    });
    const demo = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ config, clock, features: [reportingFeature] }), ReportingModule],
    }).compile();
    await demo.init();
    try {
      await registerOrganisations(demo.get(EVENT_STORE));
      const service = busesOf(demo);
      await fileDemoWeek(service, reporters);
      await fileDemoWeek(service, reporters);
      const period = await service.getPeriod(DEMO_PERIOD);
      expect(period.compliance!.map((entry) => [entry.organisationName, entry.state])).toEqual([
        ['Kultur & Fritid', 'on_time'],
        ['NVK', 'on_time'],
        ['Näringslivet', 'on_time'],
        ['Polisen', 'on_time'],
        ['Skolan', 'on_time'],
        ['Socialtjänsten', 'on_time'],
      ]);
      const coordinatorCaller = callerFor('bf', 'samordnaren', ['coordinator']);
      const nvkReport = await service.getReport(coordinatorCaller, `${DEMO_PERIOD}.nvk`);
      expect(nvkReport.incidents).toEqual([
        expect.objectContaining({
          problem: 'Skadegörelse på handfat på Frida Hansdotter Arena',
          placeId: expect.any(String),
        }),
      ]);
      expect((await service.getReport(coordinatorCaller, `${DEMO_PERIOD}.kultur`)).attendance).toBe(
        'not_attending',
      );
      expect((await service.getReport(coordinatorCaller, `${DEMO_PERIOD}.polisen`)).statistics).toMatchObject(
        {
          handelserapporter: 29,
          arenden: 13,
          brott: 21,
        },
      );
    } finally {
      await demo.close();
      await database.drop();
    }
  }, 120_000);
});
