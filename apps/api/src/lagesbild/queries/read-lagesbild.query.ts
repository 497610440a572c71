import type { LagesbildDocument } from '@laget/contracts';
import { Inject } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { ANY, type EventStore } from '@laget/event-store';
import { asSubject } from '@laget/permissions';
import type { Caller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { metadataFor } from '../../platform/commands/request-context.js';
import { DomainError } from '../../platform/domain/domain-error.js';
import { EVENT_STORE } from '../../platform/platform.tokens.js';
import {
  REPORTING_SETTINGS,
  type ReportingSettings,
  SubmittedSnapshotsQuery,
} from '../../reporting/index.js';
import { monthAnalysedAt, tryParseAnalysisPeriod } from '../../reporting/analysis-period.js';
import { configuredLabels, gatherPeriodReports } from '../analysis-gathering.js';
import { calendarOf, tryParsePeriod } from '../../reporting/period.js';
import { lagesbildNotVisible, requireAllowed } from '../lagesbild-access.js';
import { LagesbildAggregate } from '../lagesbild-aggregate.js';
import { lagesbildReadStreamId } from '../lagesbild-stream.js';
import { audienceDocument, draftDocument, internalDocument, openDocument } from '../lagesbild-views.js';

/** A parsed `?view=`. */
export type ViewRequest =
  { kind: 'draft' } | { kind: 'internal' } | { kind: 'open' } | { kind: 'audience'; name: string };

/** `?view=draft|internal|open|audience:<name>`, internal when absent. */
export const viewQuery = z.object({
  view: z
    .union([z.enum(['draft', 'internal', 'open']), z.string().regex(/^audience:[a-z0-9][a-z0-9-]{0,39}$/)])
    .default('internal'),
});

export function viewOf(raw: string): ViewRequest {
  if (raw.startsWith('audience:')) return { kind: 'audience', name: raw.slice('audience:'.length) };
  return { kind: raw as 'draft' | 'internal' | 'open' };
}

/**
 * The week as the caller may see it. Who may read a view depends on the week (its status, an
 * audience's members), so the handler checks it. Every read of content that is not public (the
 * draft, the internal and audience versions) is recorded: who, when, which view and revision.
 */
export class ReadLagesbildQuery extends Query<LagesbildDocument> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly view: ViewRequest,
  ) {
    super();
  }
}

@QueryHandler(ReadLagesbildQuery)
export class ReadLagesbildHandler implements IQueryHandler<ReadLagesbildQuery> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
    @Inject(REPORTING_SETTINGS) private readonly reporting: ReportingSettings,
  ) {}

  /** The månadsmöte's week links the month analysis its meeting discusses (the month gone). */
  private withMonthAnalysis(document: LagesbildDocument): LagesbildDocument {
    const week = tryParsePeriod(document.period);
    if (!week) return document;
    const calendar = calendarOf(week, this.reporting);
    return calendar.monthlyMeeting
      ? { ...document, monthAnalysis: monthAnalysedAt(calendar.meetingOn) }
      : document;
  }

  async execute({ caller, period, view }: ReadLagesbildQuery): Promise<LagesbildDocument> {
    const loaded = await this.lagesbild.load(period);
    const { background, policy } = this.lagesbild.settings;
    if (view.kind === 'draft') {
      requireAllowed(
        caller,
        caller.ability.can('read', asSubject('Lagesbild', { id: period, view: 'draft', status: 'draft' })),
      );
      if (loaded.exists) {
        throw new DomainError('not_found', `${period} is compiled; read the internal view instead`);
      }
      const analysis = tryParseAnalysisPeriod(period);
      const reports = analysis
        ? await gatherPeriodReports(this.queryBus, analysis, await configuredLabels(this.queryBus))
        : await this.queryBus.execute(new SubmittedSnapshotsQuery(period));
      const document = draftDocument(period, reports, background);
      await this.logRead(caller, period, 'draft', 0, 0);
      return document;
    }
    if (!loaded.exists) throw lagesbildNotVisible();
    const { state, version } = loaded;
    const status = internalDocument(state, version).status;
    const audience = view.kind === 'audience' ? state.audiences.find((a) => a.name === view.name) : undefined;
    if (view.kind === 'audience' && !audience) {
      requireAllowed(caller, false);
      throw new DomainError('not_found', `There is no audience "${view.name}"`);
    }
    const subject = asSubject('Lagesbild', {
      id: period,
      view: view.kind,
      status,
      fourEyes: policy.fourEyes,
      ...(audience
        ? { audienceOrganisationIds: audience.organisationIds, audienceRoles: audience.roles }
        : {}),
    });
    requireAllowed(caller, caller.ability.can('read', subject));
    switch (view.kind) {
      case 'internal':
        await this.logRead(caller, period, 'internal', state.revision, version);
        return this.withMonthAnalysis(internalDocument(state, version));
      case 'audience':
        await this.logRead(caller, period, `audience:${view.name}`, state.revision, version);
        return this.withMonthAnalysis(audienceDocument(state, view.name, version));
      case 'open':
        return this.withMonthAnalysis(openDocument(state, version));
    }
  }

  private async logRead(caller: Caller, period: string, view: string, revision: number, version: number) {
    await this.store.append(
      lagesbildReadStreamId(period),
      [
        {
          type: 'LagesbildViewRead',
          data: { period, view, revision, version },
          metadata: metadataFor(caller.context, this.clock.now()),
        },
      ],
      { expectedVersion: ANY },
    );
  }
}
