import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AreaView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { OpenMapAreasQuery, type OpenMapArea } from '../../publication/queries/open-map-areas.query.js';
import { PlaceAreasQuery, type PlaceAreas } from '../../reporting/queries/index.js';
import { areaViews, AreaReads } from '../area-reads.js';
import { ensureMayReadAreas } from '../map-access.js';

/** The areas in force, by name, each with its number of places (every login). */
export class ListAreasQuery extends Query<AreaView[]> {
  constructor(readonly caller: SignedInCaller) {
    super();
  }
}

/** One area in force; 404 where there is none (or it was removed). */
export class GetAreaQuery extends Query<AreaView> {
  constructor(
    readonly caller: SignedInCaller,
    readonly areaId: string,
  ) {
    super();
  }
}

@QueryHandler(ListAreasQuery)
export class ListAreasHandler implements IQueryHandler<ListAreasQuery> {
  constructor(private readonly reads: AreaReads) {}

  async execute({ caller }: ListAreasQuery): Promise<AreaView[]> {
    ensureMayReadAreas(caller);
    const { areas, places, placeAreas } = await this.reads.assignment();
    return areaViews(areas, places, placeAreas);
  }
}

@QueryHandler(GetAreaQuery)
export class GetAreaHandler implements IQueryHandler<GetAreaQuery> {
  constructor(private readonly list: ListAreasHandler) {}

  async execute({ caller, areaId }: GetAreaQuery): Promise<AreaView> {
    const area = (await this.list.execute(new ListAreasQuery(caller))).find((a) => a.id === areaId);
    if (!area) throw notFound('Area');
    return area;
  }
}

/** Reporting's and the analysis' question (reporting/queries/place-areas.query.ts), answered here. */
@QueryHandler(PlaceAreasQuery)
export class PlaceAreasHandler implements IQueryHandler<PlaceAreasQuery> {
  constructor(private readonly reads: AreaReads) {}

  async execute(): Promise<PlaceAreas> {
    const { prepared, placeAreas } = await this.reads.assignment();
    const answer: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [placeId, area] of placeAreas) answer[placeId] = area.id;
    return { areas: prepared.map(({ id, name }) => ({ id, name })), placeAreas: answer };
  }
}

/** The publication's question at publish time (publication/queries/open-map-areas.query.ts). */
@QueryHandler(OpenMapAreasQuery)
export class OpenMapAreasHandler implements IQueryHandler<OpenMapAreasQuery> {
  constructor(private readonly reads: AreaReads) {}

  async execute(): Promise<{ areas: OpenMapArea[]; placeAreas: Record<string, string> }> {
    const { prepared, placeAreas } = await this.reads.assignment();
    const answer: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [placeId, area] of placeAreas) answer[placeId] = area.id;
    return {
      areas: prepared
        .map(({ id, name, geometry }) => ({ id, name, geometry }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      placeAreas: answer,
    };
  }
}
