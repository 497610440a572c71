import { Injectable } from '@nestjs/common';
import type { ReportView } from '@laget/contracts';
import { WrongExpectedVersionError } from '@laget/event-store';
import type { Action } from '@laget/permissions';
import type { SignedInCaller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { authorise, incidentSubject, reportSubject, visibleReport } from '../report-access.js';
import { ReportAndWeekCommands, type LoadedReport, type OpenReport } from '../report-and-week.js';
import { reportDecider, type Incident, type PeriodContext, type ReportCommand } from '../report.decider.js';
import { reportStream } from '../reporting-streams.js';
import { ReportGuards } from './report-guards.js';

/** Builds the decider's command from the report's week and the report as it stands. */
export type ReportCommandOf = (period: PeriodContext, state: OpenReport) => ReportCommand;

/** What a command handler says about its change: the same for the report and its incidents. */
type ReportChange = [
  caller: SignedInCaller,
  reportId: string,
  action: Action,
  expectedVersion: number | undefined,
  /** The fields the command changes (each must be allowed to the caller). */
  fields: readonly string[],
  command: ReportCommandOf,
];

type Subject = Parameters<typeof authorise>[2];

/**
 * What every command on an existing report does before its decider decides: the report must be
 * visible to the caller, the caller allowed the action (and each field it changes), the
 * organisation active, and the report at the If-Match version. Shared by the report and
 * incident command handlers.
 */
@Injectable()
export class ReportChanges {
  constructor(
    readonly reports: ReportAndWeekCommands,
    readonly guards: ReportGuards,
    private readonly clock: Clock,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  /** A command on the report itself (`action` on the Report subject, `fields` changed). */
  onReport(...change: ReportChange): Promise<ReportView> {
    return this.change((report) => reportSubject(report.state, report.period), ...change);
  }

  /** A command on one of the report's incidents (`action` on the Incident subject). */
  onIncident(...change: ReportChange): Promise<ReportView> {
    return this.change(incidentSubject, ...change);
  }

  /** A command on an existing report: visible to the caller, authorised, at the If-Match version. */
  private change(
    subjectOf: (report: LoadedReport) => Subject,
    ...[caller, reportId, action, expectedVersion, fields, command]: ReportChange
  ): Promise<ReportView> {
    return this.reports.decide(caller.context, reportId, async (current) => {
      const report = visibleReport(caller, current);
      authorise(caller, action, subjectOf(report), fields);
      await this.guards.ensureOrganisationActive(caller, report.state.organisationId);
      if (expectedVersion !== undefined && expectedVersion !== report.version) {
        throw new WrongExpectedVersionError(reportStream(reportId), expectedVersion, report.version);
      }
      return reportDecider.decide(command(report.period, report.state), report.state);
    });
  }
}

export function findIncident(state: OpenReport, incidentId: string): Incident {
  const incident = state.incidents.find((candidate) => candidate.id === incidentId);
  if (!incident) throw notFound('Incident');
  return incident;
}
