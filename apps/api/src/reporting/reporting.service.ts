import { Inject, Injectable } from '@nestjs/common';
import {
  type AddIncidentRequest,
  type EditIncidentRequest,
  type EditPlaceRequest,
  type EditReportRequest,
  type IncidentView,
  type OpenReportRequest,
  type PeriodView,
  type PlaceView,
  type RegisterPlaceRequest,
  type ReportStatus,
  type ReportView,
} from '@laget/contracts';
import { ANY, WrongExpectedVersionError, type EventStore, type SqlDatabase } from '@laget/event-store';
import { asSubject, type Action, type AppAbility, type Role } from '@laget/permissions';
import { Clock } from '../platform/commands/clock.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { metadataFor, newIdFor, type RequestContext } from '../platform/commands/request-context.js';
import { DomainError, notFound, ruleBroken } from '../platform/domain/domain-error.js';
import { EVENT_STORE, READ_DB } from '../platform/platform.tokens.js';
import type { SubmittedReportSnapshot } from '../lagesbild/submitted-report-snapshot.js';
import { submittedSnapshotOf } from './submitted-snapshot.js';
import { complianceOf, recordWeeks, type ReportRow } from './compliance.js';
import { parseOccurredAt } from './occurred-at.js';
import {
  calendarOf,
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodContaining,
  addWeeks,
  type PeriodId,
} from './period.js';
import { lagesbildStreamOf, periodStatusFolder } from './period-status.js';
import { placeRegisterDecider, PLACE_REGISTER_STREAM } from './place-register.decider.js';
import {
  isLocked,
  reportDecider,
  type Incident,
  type IncidentFields,
  type PeriodContext,
  type ReportCommand,
  type ReportEvent,
} from './report.decider.js';
import {
  ReportAndWeekCommands,
  reportView,
  type LoadedReport,
  type OpenReport,
  type ReportAndWeek,
} from './report-and-week.js';
import { ReportingProjections } from './reporting-projections.runner.js';
import {
  placeView,
  toListItem,
  toPlaceView,
  type PlaceRow,
  type ReportListItem,
  type ReportListRow,
} from './reporting-rows.js';
import { REPORTING_SETTINGS } from './reporting.tokens.js';
import type { ReportingSettings } from './reporting.settings.js';
import { reportIdFor, reportReadStream, reportStream } from './reporting-streams.js';
import { checkReportingWindow, type OpenedAs } from './reporting-window.js';

/** Who asks and what they may do: the identity module's actor and CASL ability for the request. */
export interface Caller {
  userId: string;
  organisationId: string | null;
  roles: readonly Role[];
  ability: AppAbility;
  context: RequestContext;
}

export type { ReportListItem } from './reporting-rows.js';

export interface Page {
  page: number;
  perPage: number;
}

/**
 * The reporting use cases: authorise on the actual report instance, decide, append. Controllers
 * parse and map; everything that needs the event store or the rules happens here.
 */
@Injectable()
export class ReportingService {
  constructor(
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(REPORTING_SETTINGS) readonly settings: ReportingSettings,
    private readonly projections: ReportingProjections,
  ) {
    this.reportCommands = new ReportAndWeekCommands(runner, clock, eventStore);
  }

  private readonly reportCommands: ReportAndWeekCommands;

  // ---- reports -------------------------------------------------------------------------------

  async openReport(caller: Caller, request: OpenReportRequest): Promise<ReportView> {
    const openedAs: OpenedAs = caller.roles.includes('coordinator') ? 'coordinator' : 'reporter';
    checkReportingWindow(
      parsePeriod(request.period),
      this.clock.now(),
      this.settings.reportingWeeksBack,
      openedAs,
    );
    const reportId = reportIdFor(request.period, request.organisationId);
    const command: ReportCommand = {
      type: 'OpenReport',
      data: {
        reportId,
        period: request.period,
        organisationId: request.organisationId,
        openedById: caller.userId,
        openedAs,
        at: this.now(),
      },
    };
    return this.reportCommands.decide(caller.context, reportId, async (current) => {
      const subject = asSubject('Report', {
        id: reportId,
        organisationId: request.organisationId,
        periodStatus: current.period.status,
        status: 'draft',
        openedById: caller.userId,
      });
      if (!caller.ability.can('create', subject)) {
        throw new DomainError(
          'forbidden',
          current.period.status === 'open'
            ? 'Du får inte öppna en rapport för den organisationen / You may not open a report for that organisation'
            : 'Perioden är sammanställd / The period is compiled',
        );
      }
      await this.ensureOrganisationActive(caller, request.organisationId);
      if (request.organisationId !== caller.organisationId)
        await this.ensureOrganisation(request.organisationId);
      return reportDecider.decide(command, current.state);
    });
  }

  async getReport(caller: Caller, reportId: string): Promise<ReportView> {
    const report = await this.loadVisible(caller, reportId);
    if (caller.organisationId !== report.state.organisationId) await this.logRead(caller, report);
    return reportView(report.state, report.version, report.period);
  }

  /**
   * Reads of another organisation's report are internal content read (DESIGN.md: "Reads of
   * internal content are logged"): recorded as a fact the audit trail shows. An organisation
   * reading its own report, as the editor does on every reload, is not.
   */
  private async logRead(caller: Caller, report: LoadedReport): Promise<void> {
    await this.eventStore.append(
      reportReadStream(report.state.reportId),
      [
        {
          type: 'ReportRead',
          data: {
            reportId: report.state.reportId,
            period: report.state.period,
            organisationId: report.state.organisationId,
            version: report.version,
          },
          metadata: metadataFor(caller.context, this.clock.now()),
        },
      ],
      { expectedVersion: ANY },
    );
  }

  async editReport(
    caller: Caller,
    reportId: string,
    request: EditReportRequest,
    expectedVersion: number | undefined,
  ): Promise<ReportView> {
    const fields = (['narrative', 'attendance', 'statistics'] as const).filter(
      (f) => request[f] !== undefined,
    );
    return this.reportCommand(caller, reportId, 'update', expectedVersion, fields, (period) => ({
      type: 'EditReport',
      data: {
        ...(request.narrative !== undefined ? { narrative: request.narrative } : {}),
        ...(request.attendance !== undefined ? { attendance: request.attendance } : {}),
        ...(request.statistics !== undefined ? { statistics: request.statistics } : {}),
        categories: this.settings.crimeCategories.map((category) => category.key),
        period,
      },
    }));
  }

  async submitReport(
    caller: Caller,
    reportId: string,
    expectedVersion: number | undefined,
  ): Promise<ReportView> {
    return this.reportCommand(caller, reportId, 'submit', expectedVersion, [], (period) => ({
      type: 'SubmitReport',
      data: { at: this.now(), period },
    }));
  }

  async withdrawReport(
    caller: Caller,
    reportId: string,
    reason: string | null,
    expectedVersion: number | undefined,
  ): Promise<ReportView> {
    return this.reportCommand(caller, reportId, 'withdraw', expectedVersion, [], (period) => ({
      type: 'WithdrawReport',
      data: { at: this.now(), reason, period },
    }));
  }

  async reopenReport(
    caller: Caller,
    reportId: string,
    reason: string,
    expectedVersion: number | undefined,
  ): Promise<ReportView> {
    return this.reportCommand(caller, reportId, 'reopen', expectedVersion, [], (period) => ({
      type: 'ReopenReport',
      data: { reason, period },
    }));
  }

  async addIncident(
    caller: Caller,
    reportId: string,
    request: AddIncidentRequest,
    expectedVersion: number | undefined,
  ): Promise<IncidentView & { reportId: string; version: number }> {
    if (request.placeId) await this.ensurePlace(request.placeId);
    const incidentId = newIdFor(caller.context, 'incident');
    const report = await this.incidentCommand(
      caller,
      reportId,
      'create',
      expectedVersion,
      [],
      (period, state) => ({
        type: 'AddIncident',
        data: { incidentId, incident: this.incidentFields(request, state.period), period },
      }),
    );
    const incident = report.incidents.find((candidate) => candidate.id === incidentId);
    if (!incident) throw new Error('The added incident is missing from the report');
    return { ...incident, reportId, version: report.version };
  }

  async editIncident(
    caller: Caller,
    reportId: string,
    incidentId: string,
    request: EditIncidentRequest,
    expectedVersion: number | undefined,
  ): Promise<IncidentView & { reportId: string; version: number }> {
    if (request.placeId) await this.ensurePlace(request.placeId);
    const { expectedVersion: _version, ...changes } = request;
    const fields = Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined);
    const report = await this.incidentCommand(
      caller,
      reportId,
      'update',
      expectedVersion,
      fields,
      (period, state) => ({
        type: 'EditIncident',
        data: {
          incidentId,
          changes: {
            ...(changes.problem !== undefined ? { problem: changes.problem } : {}),
            ...(changes.location !== undefined ? { location: changes.location } : {}),
            ...(changes.placeId !== undefined ? { placeId: changes.placeId } : {}),
            ...(changes.occurredAt !== undefined
              ? { occurredAt: parseOccurredAt(changes.occurredAt, calendarOf(parsePeriod(state.period))) }
              : {}),
            ...(changes.frequency !== undefined ? { frequency: changes.frequency } : {}),
            ...(changes.comment !== undefined ? { comment: changes.comment } : {}),
            ...(changes.assessment !== undefined
              ? {
                  assessment: {
                    ...this.findIncident(state, incidentId).assessment,
                    ...definedOnly(changes.assessment),
                  },
                }
              : {}),
          },
          period,
        },
      }),
    );
    const incident = report.incidents.find((candidate) => candidate.id === incidentId);
    if (!incident) throw notFound('Incident');
    return { ...incident, reportId, version: report.version };
  }

  async withdrawIncident(
    caller: Caller,
    reportId: string,
    incidentId: string,
    reason: string | null,
    expectedVersion: number | undefined,
  ): Promise<ReportView> {
    return this.incidentCommand(caller, reportId, 'delete', expectedVersion, [], (period, state) => {
      this.findIncident(state, incidentId);
      return { type: 'WithdrawIncident', data: { incidentId, reason, period } };
    });
  }

  async listReports(
    caller: Caller,
    filter: { period?: string; organisationId?: string; status?: ReportStatus },
    page: Page,
    sort?: { field: 'id' | 'period' | 'organisationId' | 'status' | 'submittedAt'; order: 'ASC' | 'DESC' },
  ): Promise<{ items: ReportListItem[]; total: number }> {
    await this.projections.waitUntilCaughtUp();
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.period) where.push(`r.period = $${params.push(filter.period)}`);
    if (filter.organisationId) where.push(`r.organisation_id = $${params.push(filter.organisationId)}`);
    if (filter.status) where.push(`r.status = $${params.push(filter.status)}`);
    const { rows } = await this.db.query<ReportListRow>(
      `SELECT r.*, s.status AS period_status FROM reporting_reports r
       LEFT JOIN reporting_periods s ON s.period = r.period
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.period DESC, r.organisation_id`,
      params,
    );
    // Visibility is decided per row by the same rules as a single read; the total counts only those.
    const visible = rows
      .map((row) => toListItem(row))
      .filter((item) =>
        caller.ability.can(
          'read',
          asSubject('Report', {
            id: item.id,
            organisationId: item.organisationId,
            periodStatus: item.periodStatus,
            status: item.status,
            openedById: item.openedById,
          }),
        ),
      );
    if (sort) {
      const direction = sort.order === 'DESC' ? -1 : 1;
      visible.sort(
        (a, b) => direction * String(a[sort.field] ?? '').localeCompare(String(b[sort.field] ?? ''), 'sv'),
      );
    }
    const start = (page.page - 1) * page.perPage;
    return { items: visible.slice(start, start + page.perPage), total: visible.length };
  }

  // ---- periods -------------------------------------------------------------------------------

  async getPeriod(periodText: string): Promise<PeriodView> {
    const period = parsePeriod(periodText);
    await this.projections.waitUntilCaughtUp();
    const [week, organisations, rows] = await Promise.all([
      this.runner.load(lagesbildStreamOf(periodText), periodStatusFolder),
      this.expectedOrganisations(),
      this.reportRows(recordWeeks(period).map(formatPeriod)),
    ]);
    return {
      ...calendarOf(period, this.settings),
      status: week.state.status,
      compiledEarly: week.state.compiledEarly,
      compliance: complianceOf(period, organisations, rows, this.clock.now(), this.settings),
    };
  }

  /** The weeks from the current one backwards, newest first, each with a count of who has reported. */
  async listPeriods(page: Page): Promise<{ items: PeriodView[]; total: number }> {
    await this.projections.waitUntilCaughtUp();
    const current = periodContaining(this.clock.now());
    const { rows: earliest } = await this.db.query<{ period: string | null }>(
      'SELECT min(period) AS period FROM reporting_reports',
    );
    const first = earliest[0]?.period ? parsePeriod(earliest[0].period) : addWeeks(current, -11);
    let total = 1;
    for (let week = current; comparePeriods(week, first) > 0 && total < 520; week = addWeeks(week, -1))
      total++;
    total = Math.max(total, 12);
    const weeks: PeriodId[] = [];
    for (
      let index = (page.page - 1) * page.perPage;
      index < Math.min(total, page.page * page.perPage);
      index++
    ) {
      weeks.push(addWeeks(current, -index));
    }
    const ids = weeks.map(formatPeriod);
    const [organisations, rows, statuses] = await Promise.all([
      this.expectedOrganisations(),
      this.reportRows(ids),
      this.db.query<{ period: string; status: PeriodView['status']; compiled_early: boolean }>(
        'SELECT period, status, compiled_early FROM reporting_periods WHERE period = ANY($1)',
        [ids],
      ),
    ]);
    const statusOf = new Map(statuses.rows.map((row) => [row.period, row.status]));
    const earlyOf = new Map(statuses.rows.map((row) => [row.period, row.compiled_early === true]));
    const now = this.clock.now();
    const items = weeks.map((week) => {
      const entries = complianceOf(week, organisations, rows, now, this.settings);
      const { compliance: _omitted, ...calendar } = {
        ...calendarOf(week, this.settings),
        compliance: undefined,
      };
      return {
        ...calendar,
        status: statusOf.get(formatPeriod(week)) ?? 'open',
        compiledEarly: earlyOf.get(formatPeriod(week)) ?? false,
        reported: entries.filter((entry) => entry.state === 'on_time' || entry.state === 'late').length,
        expected: entries.length,
      } as PeriodView;
    });
    return { items, total };
  }

  // ---- for the lägesbild module ------------------------------------------------------------

  /**
   * The submitted reports of a week as a compile takes them: each as it stood at its latest
   * submission, with that version, ordered by organisation name. Withdrawn and draft reports are left out.
   */
  async submittedSnapshots(period: string): Promise<SubmittedReportSnapshot[]> {
    parsePeriod(period);
    await this.projections.waitUntilCaughtUp();
    const { rows } = await this.db.query<{ report_id: string; name: string | null }>(
      `SELECT r.report_id, o.name FROM reporting_reports r
       LEFT JOIN reporting_organisations o ON o.organisation_id = r.organisation_id
       WHERE r.period = $1 AND r.submissions > 0 ORDER BY o.name, r.organisation_id`,
      [period],
    );
    const snapshots = await Promise.all(rows.map((row) => this.submittedSnapshot(row.report_id, row.name)));
    return snapshots.filter((snapshot): snapshot is SubmittedReportSnapshot => snapshot !== null);
  }

  /** When the week's reports are due (ISO 8601 in Swedish time, as `GET /api/periods/:period` says it). */
  reportingDeadline(period: string): string {
    return calendarOf(parsePeriod(period), this.settings).reportingDeadline;
  }

  /** The active organisations (the coordinator's own excepted) that are not among `submitted`, by name. */
  async organisationsWithoutReport(
    submitted: readonly { organisationId: string }[],
  ): Promise<{ id: string; name: string }[]> {
    const reported = new Set(submitted.map((report) => report.organisationId));
    return (await this.expectedOrganisations()).filter((organisation) => !reported.has(organisation.id));
  }

  /** One report as last submitted (for taking an amendment into a compiled lägesbild); null when it does not count. */
  async submittedSnapshot(
    reportId: string,
    organisationName?: string | null,
  ): Promise<SubmittedReportSnapshot | null> {
    const events = await this.eventStore.readStream(reportStream(reportId));
    if (events.length === 0) return null;
    let name = organisationName;
    if (!name) {
      const organisationId = (events[0]!.data as { organisationId: string }).organisationId;
      const { rows } = await this.db.query<{ name: string }>(
        'SELECT name FROM reporting_organisations WHERE organisation_id = $1',
        [organisationId],
      );
      name = rows[0]?.name ?? organisationId;
    }
    return submittedSnapshotOf(events as unknown as ReportEvent[], name, this.settings.crimeCategories);
  }

  // ---- places --------------------------------------------------------------------------------

  async listPlaces(includeRetired: boolean): Promise<PlaceView[]> {
    await this.projections.waitUntilCaughtUp();
    const { rows } = await this.db.query<PlaceRow>(
      `SELECT * FROM reporting_places ${includeRetired ? '' : 'WHERE NOT retired'} ORDER BY name`,
    );
    return rows.map(toPlaceView);
  }

  async registerPlace(caller: Caller, request: RegisterPlaceRequest): Promise<PlaceView> {
    this.ensureMayKeepPlaces(caller, 'create');
    const placeId = newIdFor(caller.context, 'place');
    const result = await this.runner.run(
      PLACE_REGISTER_STREAM,
      placeRegisterDecider,
      {
        type: 'RegisterPlace',
        data: { placeId, name: request.name, kind: request.kind, coordinates: request.coordinates ?? null },
      },
      { context: caller.context },
    );
    return placeView(result.state, placeId, result.version);
  }

  async editPlace(
    caller: Caller,
    placeId: string,
    request: EditPlaceRequest,
    expectedVersion: number | undefined,
  ): Promise<PlaceView> {
    this.ensureMayKeepPlaces(caller, 'update', placeId);
    const result = await this.runner.run(
      PLACE_REGISTER_STREAM,
      placeRegisterDecider,
      {
        type: 'EditPlace',
        data: {
          placeId,
          ...(request.name !== undefined ? { name: request.name } : {}),
          ...(request.kind !== undefined ? { kind: request.kind } : {}),
          ...(request.coordinates !== undefined ? { coordinates: request.coordinates } : {}),
        },
      },
      { context: caller.context, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    return placeView(result.state, placeId, result.version);
  }

  async retirePlace(
    caller: Caller,
    placeId: string,
    expectedVersion: number | undefined,
  ): Promise<PlaceView> {
    this.ensureMayKeepPlaces(caller, 'delete', placeId);
    const result = await this.runner.run(
      PLACE_REGISTER_STREAM,
      placeRegisterDecider,
      { type: 'RetirePlace', data: { placeId } },
      { context: caller.context, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    return placeView(result.state, placeId, result.version);
  }

  // ---- shared --------------------------------------------------------------------------------

  private now(): string {
    return this.clock.now().toISOString();
  }

  private async loadVisible(caller: Caller, reportId: string): Promise<LoadedReport> {
    return visibleReport(caller, await this.reportCommands.load(reportId));
  }

  private async reportCommand(
    caller: Caller,
    reportId: string,
    action: Action,
    expectedVersion: number | undefined,
    fields: readonly string[],
    command: (period: PeriodContext, state: OpenReport) => ReportCommand,
  ): Promise<ReportView> {
    return this.changeReport(
      caller,
      reportId,
      expectedVersion,
      (report) => this.authorise(caller, action, reportSubject(report.state, report.period), fields),
      command,
    );
  }

  private async incidentCommand(
    caller: Caller,
    reportId: string,
    action: Action,
    expectedVersion: number | undefined,
    fields: readonly string[],
    command: (period: PeriodContext, state: OpenReport) => ReportCommand,
  ): Promise<ReportView> {
    return this.changeReport(
      caller,
      reportId,
      expectedVersion,
      (report) =>
        this.authorise(
          caller,
          action,
          asSubject('Incident', {
            organisationId: report.state.organisationId,
            periodStatus: effectivePeriodStatus(report.state, report.period),
            reportStatus: report.state.status,
            reportOpenedById: report.state.openedById,
          }),
          fields,
        ),
      command,
    );
  }

  /** A command on an existing report: visible to the caller, authorised, at the If-Match version. */
  private changeReport(
    caller: Caller,
    reportId: string,
    expectedVersion: number | undefined,
    authorise: (report: LoadedReport) => void,
    command: (period: PeriodContext, state: OpenReport) => ReportCommand,
  ): Promise<ReportView> {
    return this.reportCommands.decide(caller.context, reportId, async (current) => {
      const report = visibleReport(caller, current);
      authorise(report);
      await this.ensureOrganisationActive(caller, report.state.organisationId);
      if (expectedVersion !== undefined && expectedVersion !== report.version) {
        throw new WrongExpectedVersionError(reportStream(reportId), expectedVersion, report.version);
      }
      return reportDecider.decide(command(report.period, report.state), report.state);
    });
  }

  private authorise(
    caller: Caller,
    action: Action,
    subject: ReturnType<typeof asSubject>,
    fields: readonly string[],
  ): void {
    if (!caller.ability.can(action, subject)) {
      throw new DomainError(
        'forbidden',
        'Du får inte göra detta med rapporten / You may not do this with the report',
        {
          action,
        },
      );
    }
    const refused = fields.filter((field) => !caller.ability.can(action, subject, field));
    if (refused.length > 0) {
      throw new DomainError(
        'forbidden',
        `Du får inte ändra ${refused.join(', ')} / You may not change these fields`,
        {
          fields: refused,
        },
      );
    }
  }

  /** The permission matrix decides who keeps the register (the coordinator), as for every other subject. */
  private ensureMayKeepPlaces(caller: Caller, action: 'create' | 'update' | 'delete', id?: string): void {
    if (!caller.ability.can(action, asSubject('Place', id === undefined ? {} : { id }))) {
      throw new DomainError(
        'forbidden',
        'Bara samordnaren för platsregistret / Only the coordinator keeps the place register',
      );
    }
  }

  /**
   * A deactivated organisation's reports are neither opened, changed nor submitted. The caller's
   * own organisation was checked by the authentication guard on this request, so only a report
   * of another organisation (the coordinator acting on its behalf) costs a lookup, in this
   * module's organisations once they have caught up with the deactivation.
   */
  private async ensureOrganisationActive(caller: Caller, organisationId: string): Promise<void> {
    if (organisationId === caller.organisationId) return;
    await this.projections.waitUntilCaughtUp();
    const { rows } = await this.db.query<{ name: string; active: boolean }>(
      'SELECT name, active FROM reporting_organisations WHERE organisation_id = $1',
      [organisationId],
    );
    const organisation = rows[0];
    if (organisation && !organisation.active)
      throw ruleBroken(
        `Organisationen ${organisation.name} är inaktiverad; dess rapporter kan inte öppnas eller ändras / The organisation is deactivated`,
        { field: 'organisationId' },
      );
  }

  private async ensureOrganisation(organisationId: string): Promise<void> {
    await this.projections.waitUntilCaughtUp();
    const { rows } = await this.db.query(
      'SELECT 1 FROM reporting_organisations WHERE organisation_id = $1 AND active',
      [organisationId],
    );
    if (rows.length === 0) {
      throw new DomainError('not_found', 'Organisationen finns inte / Organisation was not found', {
        field: 'organisationId',
      });
    }
  }

  /** An incident may point at a place of the register, never at one that does not exist or was retired. */
  private async ensurePlace(placeId: string): Promise<void> {
    const find = () =>
      this.db.query('SELECT 1 FROM reporting_places WHERE place_id = $1 AND NOT retired', [placeId]);
    if ((await find()).rows.length > 0) return;
    await this.projections.waitUntilCaughtUp(); // it may have been registered a moment ago
    if ((await find()).rows.length > 0) return;
    throw new DomainError(
      'invalid',
      'Plats i registret: finns inte / placeId: no such place in the register',
      {
        field: 'placeId',
      },
    );
  }

  private async expectedOrganisations(): Promise<{ id: string; name: string }[]> {
    const { rows } = await this.db.query<{ organisation_id: string; name: string }>(
      `SELECT organisation_id, name FROM reporting_organisations WHERE active AND kind <> 'coordinator' ORDER BY name`,
    );
    return rows.map((row) => ({ id: row.organisation_id, name: row.name }));
  }

  private async reportRows(periods: string[]): Promise<ReportRow[]> {
    const { rows } = await this.db.query<{
      report_id: string;
      period: string;
      organisation_id: string;
      status: ReportStatus;
      counted_submitted_at: string | Date | null;
    }>(
      'SELECT report_id, period, organisation_id, status, counted_submitted_at FROM reporting_reports WHERE period = ANY($1)',
      [periods],
    );
    return rows.map((row) => ({
      reportId: row.report_id,
      period: row.period,
      organisationId: row.organisation_id,
      status: row.status,
      countedSubmittedAt:
        row.counted_submitted_at === null ? null : new Date(row.counted_submitted_at).toISOString(),
    }));
  }

  private incidentFields(request: AddIncidentRequest, period: string): IncidentFields {
    return {
      problem: request.problem,
      location: request.location,
      placeId: request.placeId ?? null,
      occurredAt: parseOccurredAt(request.occurredAt, calendarOf(parsePeriod(period))),
      frequency: request.frequency,
      assessment: { severity: request.assessment.severity, scope: request.assessment.scope },
      comment: request.comment,
    };
  }

  private findIncident(state: OpenReport, incidentId: string): Incident {
    const incident = state.incidents.find((candidate) => candidate.id === incidentId);
    if (!incident) throw notFound('Incident');
    return incident;
  }
}

/** The report, if it exists and the caller may read it; one that does not and one they may not see are the same 404. */
function visibleReport(caller: Caller, current: ReportAndWeek): LoadedReport {
  const { state, period } = current;
  if (state.status === 'none') throw notFound('Report');
  if (!caller.ability.can('read', reportSubject(state, period))) throw notFound('Report');
  return { ...current, state };
}

/** A report reopened by the coordinator counts as in an open period for the rules, until the next compile. */
function effectivePeriodStatus(state: OpenReport, period: PeriodContext) {
  return isLocked(state, period) ? period.status : 'open';
}

function reportSubject(state: OpenReport, period: PeriodContext) {
  return asSubject('Report', {
    id: state.reportId,
    organisationId: state.organisationId,
    periodStatus: effectivePeriodStatus(state, period),
    status: state.status,
    openedById: state.openedById,
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
