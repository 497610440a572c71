import type { PlaceView } from '@laget/contracts';
import { Query, QueryBus, QueryHandlerNotFoundException } from '@nestjs/cqrs';

/** An area (område) as the place lists and the analysis name it. */
export interface PlaceArea {
  id: string;
  name: string;
}

export interface PlaceAreas {
  areas: PlaceArea[];
  /** placeId → areaId, own keys only; a place outside every area (or without coordinates) is absent. */
  placeAreas: Record<string, string>;
}

/**
 * Which area each registered place (retired ones too) lies in. Declared here, by the features
 * that ask (the place list, the analysis by area), and answered by the map feature, which is
 * built on top of reporting (as the publication's OpenMapAreasQuery; docs/adr/0029).
 */
export class PlaceAreasQuery extends Query<PlaceAreas> {}

/** The answer, or no areas where the map feature is not loaded (a test's bus). */
export async function placeAreasOf(queryBus: QueryBus): Promise<PlaceAreas> {
  try {
    return await queryBus.execute(new PlaceAreasQuery());
  } catch (error) {
    if (error instanceof QueryHandlerNotFoundException) return { areas: [], placeAreas: {} };
    throw error;
  }
}

/** The places with the area each lies in (`null` outside every area). */
export function withAreas(places: readonly PlaceView[], { areas, placeAreas }: PlaceAreas): PlaceView[] {
  const names = new Map(areas.map((area) => [area.id, area.name]));
  return places.map((place) => {
    const areaId = Object.hasOwn(placeAreas, place.id) ? placeAreas[place.id]! : null;
    return { ...place, areaId, areaName: areaId === null ? null : (names.get(areaId) ?? null) };
  });
}
