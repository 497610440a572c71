import { Inject } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  UNCATEGORISED,
  UNCATEGORISED_LABEL,
  type TrendsAnswer,
  type TrendsQuery as TrendsRequest,
} from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { asSubject } from '@laget/permissions';
import { ListOrganisationsQuery, type SignedInCaller } from '../../identity/index.js';
import { DomainError } from '../../platform/domain/domain-error.js';
import { Projections } from '../../platform/projections.service.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import {
  CrimeCategoriesQuery,
  IncidentCategoriesQuery,
  ListPlacesQuery,
  placeAreasOf,
  type PlaceAreas,
} from '../../reporting/queries/index.js';
import { foldCellsIntoAreas, OUTSIDE_AREAS, OUTSIDE_AREAS_LABEL } from '../area-cells.js';
import { bucketsBetween } from '../buckets.js';
import { FACTS_PROJECTION } from '../facts.projection.js';
import { trendSeries } from '../trend-series.js';
import { reportPresence, trendCells } from '../trends.sql.js';

/** Trends over the facts (CONTRACT.md, `GET /api/analysis/trends`), for those who read the internal lägesbild. */
export class TrendsQuery extends Query<TrendsAnswer> {
  constructor(
    readonly caller: SignedInCaller,
    readonly request: TrendsRequest,
  ) {
    super();
  }
}

/**
 * The trends summarise internal material, so they are for whoever may read the internal
 * lägesbild (coordinator, reviewer, est_member): the same CASL rule, not a second list of roles.
 */
export function mayReadTrends(caller: SignedInCaller): boolean {
  return caller.ability.can(
    'read',
    asSubject('Lagesbild', { id: 'analysis', view: 'internal', status: 'approved' }),
  );
}

@QueryHandler(TrendsQuery)
export class TrendsHandler implements IQueryHandler<TrendsQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: Projections,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ caller, request }: TrendsQuery): Promise<TrendsAnswer> {
    if (!mayReadTrends(caller)) throw new DomainError('forbidden', 'Du får inte läsa analysen (not allowed)');
    await this.projections.waitUntilCaughtUp({ only: [FACTS_PROJECTION] });
    // By area: the cells by place, folded into the area each place lies in (the map answers which).
    const areas = request.groupBy === 'area' ? await placeAreasOf(this.queryBus) : null;
    const grouped = {
      ...request,
      groupBy: request.groupBy === 'area' ? ('place' as const) : request.groupBy,
    };
    const [cells, presence, labelOf] = await Promise.all([
      trendCells(this.db, grouped),
      reportPresence(this.db, request),
      this.labels(request, areas),
    ]);
    return trendSeries(
      request,
      bucketsBetween(request.from, request.to, request.bucket),
      areas ? foldCellsIntoAreas(cells, areas.placeAreas) : cells,
      presence,
      labelOf,
    );
  }

  /** The words for the series' keys: category labels, organisation and place names. */
  private async labels(request: TrendsRequest, areas: PlaceAreas | null): Promise<(key: string) => string> {
    const labels = new Map<string, string>();
    if (request.groupBy === 'category' && request.measure === 'police') {
      for (const c of await this.queryBus.execute(new CrimeCategoriesQuery())) labels.set(c.key, c.label);
    } else if (request.groupBy === 'category') {
      labels.set(UNCATEGORISED, UNCATEGORISED_LABEL);
      for (const c of await this.queryBus.execute(new IncidentCategoriesQuery())) labels.set(c.key, c.label);
    } else if (request.groupBy === 'organisation') {
      const organisations = await this.queryBus.execute(
        new ListOrganisationsQuery({}, { offset: 0, limit: 10_000 }),
      );
      for (const o of organisations.items) labels.set(o.id, o.name);
    } else if (areas) {
      labels.set(OUTSIDE_AREAS, OUTSIDE_AREAS_LABEL);
      for (const area of areas.areas) labels.set(area.id, area.name);
    } else {
      labels.set('', 'Utan plats i registret');
      for (const p of await this.queryBus.execute(new ListPlacesQuery(true))) labels.set(p.id, p.name);
    }
    return (key) => labels.get(key) ?? key;
  }
}
