import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SubmittedSnapshotsQuery } from '../../reporting/index.js';
import { LagesbildAggregate } from '../lagesbild-aggregate.js';

/** A report submitted (again) since the week was compiled, not taken in yet. */
export interface Amendment {
  reportId: string;
  organisationId: string;
  takenVersion: number | null;
  submittedVersion: number;
}

/** Reports submitted or re-submitted since they were taken: the coordinator decides to take them in. */
export class ListAmendmentsQuery extends Query<Amendment[]> {
  constructor(readonly period: string) {
    super();
  }
}

@QueryHandler(ListAmendmentsQuery)
export class ListAmendmentsHandler implements IQueryHandler<ListAmendmentsQuery> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ period }: ListAmendmentsQuery): Promise<Amendment[]> {
    const { state } = await this.lagesbild.loadCompiled(period);
    const submitted = await this.queryBus.execute(new SubmittedSnapshotsQuery(period));
    return submitted.flatMap((report) => {
      const taken = state.reports.find((candidate) => candidate.organisationId === report.organisationId);
      if (taken && taken.reportVersion >= report.reportVersion) return [];
      return [
        {
          reportId: report.reportId,
          organisationId: report.organisationId,
          takenVersion: taken?.reportVersion ?? null,
          submittedVersion: report.reportVersion,
        },
      ];
    });
  }
}
