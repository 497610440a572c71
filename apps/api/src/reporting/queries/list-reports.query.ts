import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReportStatus } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { asSubject } from '@laget/permissions';
import type { Caller } from '../../identity/index.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { ReportingProjections } from '../reporting-projections.runner.js';
import { reportListRows } from '../reporting.queries.js';
import { toListItem, type ReportListItem } from '../reporting-rows.js';

export interface Page {
  page: number;
  perPage: number;
}

export type ReportSortField = 'id' | 'period' | 'organisationId' | 'status' | 'submittedAt';

/** The reports the caller may see, filtered, sorted and paged; the total counts only those. */
export class ListReportsQuery extends Query<{ items: ReportListItem[]; total: number }> {
  constructor(
    readonly caller: Caller,
    readonly filter: { period?: string; organisationId?: string; status?: ReportStatus },
    readonly page: Page,
    readonly sort?: { field: ReportSortField; order: 'ASC' | 'DESC' },
  ) {
    super();
  }
}

@QueryHandler(ListReportsQuery)
export class ListReportsHandler implements IQueryHandler<ListReportsQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: ReportingProjections,
  ) {}

  async execute({ caller, filter, page, sort }: ListReportsQuery) {
    await this.projections.waitUntilCaughtUp();
    const rows = await reportListRows(this.db, filter);
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
}
