import { Injectable } from '@nestjs/common';
import type { IncidentView, ReportView } from '@laget/contracts';
import { Clock } from '../platform/commands/clock.js';
import { CommandRunner, type LoadedStream } from '../platform/commands/command-runner.js';
import type { RequestContext } from '../platform/commands/request-context.js';
import { notFound } from '../platform/domain/domain-error.js';
import { lagesbildStreamId } from '../lagesbild/lagesbild-stream.js';
import { periodStatusFolder, toPeriodContext, type PeriodState } from './period-status.js';
import { tryParsePeriod } from './period.js';
import {
  isLocked,
  reportDecider,
  type Incident,
  type PeriodContext,
  type ReportEvent,
  type ReportState,
} from './report.decider.js';
import { reportStream } from './reporting-streams.js';

export type OpenReport = Exclude<ReportState, { status: 'none' }>;

/** A report and the status of its week, as a command is decided on them. */
export interface ReportAndWeek {
  state: ReportState;
  version: number;
  period: PeriodContext;
  /** The week's lägesbild stream and the version its status was read at: the append's guard. */
  weekStream: string;
  weekVersion: number;
}

export type LoadedReport = ReportAndWeek & { state: OpenReport };

/**
 * How a command on a report is decided and appended (docs/adr/0012, 0014, 0018): on the report
 * and its week through the platform runner's `runOnMany`, the append to the report guarded by
 * the week's lägesbild stream so that nothing lands in a week compiled meanwhile, under the
 * request's Idempotency-Key, decided again on fresh state when the append meets a newer version
 * of either stream. The report command handlers share it; it keeps no loop of its own.
 */
@Injectable()
export class ReportAndWeekCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
  ) {}

  /** The report and its week as they are now (read in one round trip). */
  async load(reportId: string): Promise<ReportAndWeek> {
    const streams = reportAndWeekStreams(reportId);
    if (!streams) throw notFound('Report');
    return reportAndWeek(streams, await this.runner.loadMany(streams), this.clock.now());
  }

  /**
   * Decides a command on a report and its week and appends it. `decide` checks everything
   * (visibility, permissions, If-Match) and throws to refuse; with If-Match it refuses a report
   * that moved since (409), while a moved week alone is decided again.
   */
  decide(
    context: RequestContext,
    reportId: string,
    decide: (current: ReportAndWeek) => ReportEvent[] | Promise<ReportEvent[]>,
  ): Promise<ReportView> {
    const streams = reportAndWeekStreams(reportId);
    if (!streams) throw notFound('Report');
    return this.runner.runOnMany(streams, {
      context,
      decide: (current) => decide(reportAndWeek(streams, current, this.clock.now())),
      answer: (result, [, week]) => {
        const state = result.state;
        if (state.status === 'none') throw notFound('Report');
        const viewpoint = { organisationId: state.organisationId, at: this.clock.now() };
        return reportView(state, result.version, toPeriodContext(week.state, viewpoint));
      },
    });
  }
}

/**
 * The report's stream and its week's, read together. The id starts with the period
 * (reportIdFor), so an id that does not is no report: null.
 */
function reportAndWeekStreams(reportId: string) {
  const period = reportId.slice(0, 8);
  if (!tryParsePeriod(period)) return null;
  return [
    { streamId: reportStream(reportId), folder: reportDecider },
    { streamId: lagesbildStreamId(period), folder: periodStatusFolder },
  ] as const;
}

function reportAndWeek(
  streams: NonNullable<ReturnType<typeof reportAndWeekStreams>>,
  [report, week]: readonly [LoadedStream<ReportState>, LoadedStream<PeriodState>],
  at: Date,
): ReportAndWeek {
  return {
    state: report.state,
    version: report.version,
    period: toPeriodContext(week.state, { organisationId: organisationOfReport(streams[0].streamId), at }),
    weekStream: streams[1].streamId,
    weekVersion: week.version,
  };
}

/** A report's id is `<period>.<organisationId>` (reportIdFor); its stream is `report-<id>`. */
function organisationOfReport(streamId: string): string {
  return streamId.slice(reportStream('').length + 'YYYY-Www.'.length);
}

/** A report as the API answers it (CONTRACT.md), at `version`, locked or not by its week. */
export function reportView(state: OpenReport, version: number, period: PeriodContext): ReportView {
  return {
    id: state.reportId,
    period: state.period,
    organisationId: state.organisationId,
    status: state.status,
    attendance: state.attendance,
    narrative: state.narrative,
    statistics: state.statistics,
    incidents: state.incidents.map(incidentView),
    submissions: state.submissions,
    submittedAt: state.submittedAt,
    locked: isLocked(state, period),
    version,
  };
}

function incidentView(incident: Incident): IncidentView {
  return {
    id: incident.id,
    problem: incident.problem,
    location: incident.location,
    placeId: incident.placeId,
    occurredAt: incident.occurredAt.raw,
    occurredAtParsed: incident.occurredAt.parsed,
    frequency: incident.frequency,
    assessment: incident.assessment,
    comment: incident.comment,
    category: incident.category,
    tags: incident.tags,
  };
}
