import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore, SqlDatabase } from '@laget/event-store';
import type { SubmittedReportSnapshot } from '../../lagesbild/submitted-report-snapshot.js';
import { EVENT_STORE, READ_DB } from '../../platform/platform.tokens.js';
import { parsePeriod } from '../period.js';
import type { ReportEvent } from '../report.decider.js';
import { ReportingProjections } from '../reporting-projections.runner.js';
import { organisationName, submittedReportsOf } from '../reporting.queries.js';
import type { ReportingSettings } from '../reporting.settings.js';
import { reportStream } from '../reporting-streams.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';
import { submittedSnapshotOf } from '../submitted-snapshot.js';

/**
 * The submitted reports of a week as a compile takes them (for the lägesbild feature): each as
 * it stood at its latest submission, with that version, ordered by organisation name. Withdrawn
 * and draft reports are left out.
 */
export class SubmittedSnapshotsQuery extends Query<SubmittedReportSnapshot[]> {
  constructor(readonly period: string) {
    super();
  }
}

/** One report as last submitted (for taking an amendment into a compiled lägesbild); null when it does not count. */
export class SubmittedSnapshotQuery extends Query<SubmittedReportSnapshot | null> {
  constructor(
    readonly reportId: string,
    readonly organisationName?: string | null,
  ) {
    super();
  }
}

@QueryHandler(SubmittedSnapshotQuery)
export class SubmittedSnapshotHandler implements IQueryHandler<SubmittedSnapshotQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  async execute({ reportId, organisationName: known }: SubmittedSnapshotQuery) {
    const events = await this.eventStore.readStream(reportStream(reportId));
    if (events.length === 0) return null;
    let name = known;
    if (!name) {
      const organisationId = (events[0]!.data as { organisationId: string }).organisationId;
      name = (await organisationName(this.db, organisationId)) ?? organisationId;
    }
    return submittedSnapshotOf(events as unknown as ReportEvent[], name, this.settings.crimeCategories);
  }
}

@QueryHandler(SubmittedSnapshotsQuery)
export class SubmittedSnapshotsHandler implements IQueryHandler<SubmittedSnapshotsQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: ReportingProjections,
    private readonly snapshot: SubmittedSnapshotHandler,
  ) {}

  async execute({ period }: SubmittedSnapshotsQuery): Promise<SubmittedReportSnapshot[]> {
    parsePeriod(period);
    await this.projections.waitUntilCaughtUp();
    const reports = await submittedReportsOf(this.db, period);
    const snapshots = await Promise.all(
      reports.map((report) =>
        this.snapshot.execute(new SubmittedSnapshotQuery(report.reportId, report.organisationName)),
      ),
    );
    return snapshots.filter((snapshot): snapshot is SubmittedReportSnapshot => snapshot !== null);
  }
}
