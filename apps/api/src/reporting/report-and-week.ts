import type { IncidentView, ReportView } from '@laget/contracts';
import {
  DuplicateIdempotencyKeyError,
  NO_STREAM,
  WrongExpectedVersionError,
  type EventStore,
} from '@laget/event-store';
import type { Clock } from '../platform/commands/clock.js';
import type { CommandRunner, LoadedStream } from '../platform/commands/command-runner.js';
import { commandKey, metadataFor, type RequestContext } from '../platform/commands/request-context.js';
import { retryOnConflict, staleDecisionOr } from '../platform/commands/retry-on-conflict.js';
import { notFound } from '../platform/domain/domain-error.js';
import { lagesbildStreamOf, periodStatusFolder, toPeriodContext, type PeriodState } from './period-status.js';
import { tryParsePeriod } from './period.js';
import {
  evolveReport,
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
 * and its week, guarded by the week's lägesbild stream so that nothing lands in a week compiled
 * meanwhile, under the request's Idempotency-Key, decided again on fresh state when the append
 * meets a newer version of either stream.
 */
export class ReportAndWeekCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    private readonly eventStore: EventStore,
  ) {}

  /** The report and its week as they are now (read in one round trip). */
  async load(reportId: string): Promise<ReportAndWeek> {
    const streams = reportAndWeekStreams(reportId);
    if (!streams) throw notFound('Report');
    return reportAndWeek(streams, await this.runner.loadMany(streams));
  }

  /**
   * Decides a command on a report and its week and appends it. `decide` checks everything
   * (visibility, permissions, If-Match) and throws to refuse.
   *
   * First, without reading, on the report and week as this instance last saw them: most commands
   * of a reporter follow their own previous one, and this makes them one round trip. Whenever
   * that would refuse, change nothing or meet a moved stream, both are read afresh and the command
   * decided again, so every refusal and every answer rests on current state. A writer that lost a
   * race, to a writer of the report or to a compile of the week, is decided again on what the
   * winner left (retryOnConflict); with If-Match `decide` then refuses a moved report: 409.
   */
  async decide(
    context: RequestContext,
    reportId: string,
    decide: (current: ReportAndWeek) => ReportEvent[] | Promise<ReportEvent[]>,
  ): Promise<ReportView> {
    const streams = reportAndWeekStreams(reportId);
    if (!streams) throw notFound('Report');
    // Once per command, outside the attempts: every attempt records the same key.
    const key = commandKey(context, reportStream(reportId));
    // This instance's commands on the report take turns; only other instances race it.
    return this.runner.inTurn(reportStream(reportId), async () => {
      const remembered = this.runner.remembered(streams);
      if (remembered) {
        const current = reportAndWeek(streams, remembered);
        const events = await Promise.resolve()
          .then(() => decide(current))
          .catch(() => []);
        if (events.length > 0) {
          try {
            return await this.append(context, reportId, current, events, key);
          } catch (error) {
            if (!(error instanceof WrongExpectedVersionError)) throw error;
          }
        }
      }
      return retryOnConflict(async () => {
        const current = reportAndWeek(streams, await this.runner.loadMany(streams));
        let events: ReportEvent[];
        try {
          events = await decide(current);
        } catch (error) {
          // A retry is often refused by what its first attempt did ("already open", a moved If-Match).
          const applied = await this.appliedBefore(context, reportId, key);
          if (applied) return applied;
          throw error;
        }
        if (events.length === 0) {
          const applied = await this.appliedBefore(context, reportId, key);
          if (applied) return applied;
          if (current.state.status === 'none') throw notFound('Report');
          return reportView(current.state, current.version, current.period);
        }
        try {
          return await this.append(context, reportId, current, events, key);
        } catch (error) {
          throw staleDecisionOr(error);
        }
      });
    });
  }

  /**
   * The answer to a command this request's Idempotency-Key applied before (a retry, docs/adr/0014):
   * the report as that append left it, in its week as it is now. Null where nothing was applied.
   */
  private async appliedBefore(
    context: RequestContext,
    reportId: string,
    key: string | undefined,
  ): Promise<ReportView | null> {
    const applied = await this.runner.appliedBefore(reportStream(reportId), reportDecider, context, key);
    if (!applied || applied.state.status === 'none') return null;
    const week = await this.runner.load(lagesbildStreamOf(applied.state.period), periodStatusFolder);
    return reportView(
      applied.state,
      applied.version,
      toPeriodContext(week.state, applied.state.organisationId),
    );
  }

  private async append(
    context: RequestContext,
    reportId: string,
    current: ReportAndWeek,
    events: ReportEvent[],
    key: string | undefined,
  ): Promise<ReportView> {
    const metadata = metadataFor(context, this.clock.now());
    let appended;
    try {
      appended = await this.runner.appendKeyed(
        reportStream(reportId),
        events.map((event) => ({ type: event.type, data: event.data, metadata })),
        {
          expectedVersion: current.version > 0 ? current.version : NO_STREAM,
          // KurrentDB cannot guard: there a compile racing this append by one round trip can still
          // miss it (docs/adr/0012); PostgreSQL and PGlite close that gap.
          ...(this.eventStore.appendGuards
            ? { guards: [{ streamId: current.weekStream, version: current.weekVersion }] }
            : {}),
        },
        context,
        key,
      );
    } catch (error) {
      if (!(error instanceof DuplicateIdempotencyKeyError)) throw error;
      const applied = await this.runner.replay(
        reportStream(reportId),
        reportDecider,
        error.recorded,
        context,
        error.idempotencyKey,
      );
      return reportView(applied.state as OpenReport, applied.version, current.period);
    }
    const state = events.reduce(evolveReport, current.state) as OpenReport;
    this.runner.remember(reportStream(reportId), reportDecider, state, appended.nextExpectedVersion);
    return reportView(state, appended.nextExpectedVersion, current.period);
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
    { streamId: lagesbildStreamOf(period), folder: periodStatusFolder },
  ] as const;
}

function reportAndWeek(
  streams: NonNullable<ReturnType<typeof reportAndWeekStreams>>,
  [report, week]: readonly [LoadedStream<ReportState>, LoadedStream<PeriodState>],
): ReportAndWeek {
  return {
    state: report.state,
    version: report.version,
    period: toPeriodContext(week.state, organisationOfReport(streams[0].streamId)),
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
  };
}
