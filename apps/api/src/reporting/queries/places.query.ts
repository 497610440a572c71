import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PlaceView } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { notFound } from '../../platform/domain/domain-error.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { ReportingProjections } from '../reporting-projections.runner.js';
import { placeList } from '../reporting.queries.js';

/** The place register by name; retired places too when asked for (old texts name them). */
export class ListPlacesQuery extends Query<PlaceView[]> {
  constructor(readonly includeRetired: boolean) {
    super();
  }
}

/** One place of the register, retired or not; 404 where there is none. */
export class GetPlaceQuery extends Query<PlaceView> {
  constructor(readonly placeId: string) {
    super();
  }
}

@QueryHandler(ListPlacesQuery)
export class ListPlacesHandler implements IQueryHandler<ListPlacesQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: ReportingProjections,
  ) {}

  async execute({ includeRetired }: ListPlacesQuery): Promise<PlaceView[]> {
    await this.projections.waitUntilCaughtUp();
    return placeList(this.db, includeRetired);
  }
}

// react-admin's edit page reads one record (getOne). The register is small and every logged-in
// user may read all of it, so one place is read from the same list as GET /api/places.
@QueryHandler(GetPlaceQuery)
export class GetPlaceHandler implements IQueryHandler<GetPlaceQuery> {
  constructor(private readonly places: ListPlacesHandler) {}

  async execute({ placeId }: GetPlaceQuery): Promise<PlaceView> {
    const place = (await this.places.execute(new ListPlacesQuery(true))).find(
      (candidate) => candidate.id === placeId,
    );
    if (!place) throw notFound('Place');
    return place;
  }
}
