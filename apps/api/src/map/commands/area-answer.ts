import type { QueryBus } from '@nestjs/cqrs';
import type { AreaView } from '@laget/contracts';
import { notFound } from '../../platform/domain/domain-error.js';
import { ListPlacesQuery } from '../../reporting/queries/index.js';
import { assignPlaces } from '../area-assignment.js';
import { areaOf, currentAreas, type AreaRegisterState } from '../area-register.decider.js';

/**
 * The area as a command leaves it, from the register's state (not the read model, which may not
 * have caught up), with the places that now lie in it.
 */
export async function areaAnswer(
  queryBus: QueryBus,
  state: AreaRegisterState,
  areaId: string,
  version: number,
): Promise<AreaView> {
  const area = areaOf(state, areaId);
  if (!area) throw notFound('Area');
  const places = (await queryBus.execute(new ListPlacesQuery(false))).map((p) => ({
    id: p.id,
    coordinates: p.coordinates,
  }));
  const assigned = area.removed ? new Map<string, string>() : assignPlaces(places, currentAreas(state));
  const placeCount = [...assigned.values()].filter((id) => id === area.id).length;
  return { id: area.id, name: area.name, geometry: area.geometry, version, placeCount };
}
