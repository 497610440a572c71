import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { AreaView, PlaceView } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { Projections } from '../platform/projections.service.js';
import { READ_DB } from '../platform/platform.tokens.js';
import { ListPlacesQuery } from '../reporting/queries/index.js';
import { areaContaining, prepareAreas, type AreaShape, type PreparedArea } from './area-assignment.js';
import { AREAS_PROJECTION, areaRows, type AreaRow } from './areas.projection.js';

/** The areas in force, prepared for lookups, with every registered place and the area it lies in. */
export interface AreaAssignment {
  areas: readonly AreaRow[];
  prepared: readonly PreparedArea[];
  /** Every place of the register, retired ones too (old incidents point at them). */
  places: readonly PlaceView[];
  /** placeId → the area it lies in; absent outside every area. */
  placeAreas: ReadonlyMap<string, PreparedArea>;
}

/**
 * Reads the areas and works out which area each place lies in, once per change: the areas are
 * kept while the register's version stands, the assignment while the places stand too (a map
 * query asks it every time; 200 places × a few dozen polygons is little, but not nothing).
 */
@Injectable()
export class AreaReads {
  private areasCache: { key: string; areas: AreaRow[]; prepared: PreparedArea[] } | null = null;
  private assignmentCache: { key: string; assignment: AreaAssignment } | null = null;

  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: Projections,
    private readonly queryBus: QueryBus,
  ) {}

  /** The areas in force, by name. */
  async areas(): Promise<{ areas: AreaRow[]; prepared: PreparedArea[] }> {
    await this.projections.waitUntilCaughtUp({ only: [AREAS_PROJECTION] });
    const { rows } = await this.db.query<{ version: number | null; n: number | string }>(
      'SELECT max(version) AS version, count(*) AS n FROM map_areas',
    );
    const key = `${rows[0]?.version ?? 0}:${rows[0]?.n ?? 0}`;
    if (this.areasCache?.key !== key) {
      const areas = (await areaRows(this.db)).sort((a, b) => swedish.compare(a.name, b.name));
      const shapes = areas.filter((area): area is AreaShape & AreaRow => area.geometry !== null);
      this.areasCache = { key, areas, prepared: prepareAreas(shapes) };
    }
    return this.areasCache;
  }

  async assignment(): Promise<AreaAssignment> {
    const [{ areas, prepared }, places] = await Promise.all([
      this.areas(),
      this.queryBus.execute(new ListPlacesQuery(true)),
    ]);
    const key = `${this.areasCache?.key}|${places
      .map((place) => `${place.id},${place.coordinates?.lat},${place.coordinates?.lon}`)
      .join(';')}`;
    if (this.assignmentCache?.key !== key) {
      const placeAreas = new Map<string, PreparedArea>();
      for (const place of places) {
        const area = place.coordinates ? areaContaining(place.coordinates, prepared) : null;
        if (area) placeAreas.set(place.id, area);
      }
      this.assignmentCache = { key, assignment: { areas, prepared, places, placeAreas } };
    }
    return this.assignmentCache.assignment;
  }
}

const swedish = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** The areas as the API answers them, each with how many places in force lie in it. */
export function areaViews(
  areas: readonly { id: string; name: string; geometry: AreaView['geometry'] | null; version: number }[],
  places: readonly PlaceView[],
  placeAreas: ReadonlyMap<string, { id: string }>,
): AreaView[] {
  const counts = new Map<string, number>();
  for (const place of places) {
    const area = placeAreas.get(place.id);
    if (area && !place.retired) counts.set(area.id, (counts.get(area.id) ?? 0) + 1);
  }
  return areas
    .filter((area) => area.geometry !== null)
    .map((area) => ({
      id: area.id,
      name: area.name,
      geometry: area.geometry!,
      version: area.version,
      placeCount: counts.get(area.id) ?? 0,
    }));
}
