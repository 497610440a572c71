import type { AreaGeometry } from '@laget/contracts';
import { assertNever, type Decider, type DomainEvent } from '../platform/domain/decider.js';
import { conflict, notFound, ruleBroken } from '../platform/domain/domain-error.js';

/**
 * The municipality's areas (områden: Centrum, Åsen, Kärrgruvan), kept by the coordinator: named
 * polygons that places lie in, so the map and the open map can count by area (issue 20). One
 * stream holds the whole register, as the place register does: names are unique and a
 * municipality has dozens of areas.
 */
export const AREA_REGISTER_STREAM = 'area-register';

/** Enough for every district of a large municipality; bounds the register's one stream. */
export const MAX_AREAS = 1000;

export interface Area {
  id: string;
  name: string;
  geometry: AreaGeometry;
  removed: boolean;
}

/** An area as an import brings it: a new id in case it is new, matched by name otherwise. */
export interface ImportedArea {
  newAreaId: string;
  name: string;
  geometry: AreaGeometry;
}

export type AreaCommand =
  | { type: 'DefineArea'; data: { areaId: string; name: string; geometry: AreaGeometry } }
  | { type: 'EditArea'; data: { areaId: string; name?: string; geometry?: AreaGeometry } }
  | { type: 'RemoveArea'; data: { areaId: string } }
  | { type: 'ImportAreas'; data: { areas: ImportedArea[] } };

export type AreaEvent =
  | DomainEvent<'AreaDefined', { areaId: string; name: string; geometry: AreaGeometry }>
  | DomainEvent<'AreaRenamed', { areaId: string; name: string; previousName: string }>
  | DomainEvent<'AreaRedrawn', { areaId: string; geometry: AreaGeometry }>
  | DomainEvent<'AreaRemoved', { areaId: string; name: string }>;

export const AREA_EVENT_TYPES: readonly AreaEvent['type'][] = [
  'AreaDefined',
  'AreaRenamed',
  'AreaRedrawn',
  'AreaRemoved',
];

export interface AreaRegisterState {
  areas: Record<string, Area>;
}

export const initialAreaRegisterState = (): AreaRegisterState => ({ areas: {} });

/** The area with this id, removed or not: own properties only, so `__proto__` is no area. */
export function areaOf(state: AreaRegisterState, areaId: string): Area | undefined {
  return Object.hasOwn(state.areas, areaId) ? state.areas[areaId] : undefined;
}

/** The areas in force (not removed). */
export const currentAreas = (state: AreaRegisterState): Area[] =>
  Object.values(state.areas).filter((area) => !area.removed);

/** "Åsen" and "åsen" are one name; "Åsen" and "Asen" are two (å is a letter of its own). */
export const sameAreaName = (a: string, b: string) =>
  a.localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;

/** The area in force with this name, if any. */
export function areaNamed(state: AreaRegisterState, name: string): Area | undefined {
  return currentAreas(state).find((area) => sameAreaName(area.name, name));
}

const sameGeometry = (a: AreaGeometry, b: AreaGeometry) => JSON.stringify(a) === JSON.stringify(b);

function ensureNameFree(state: AreaRegisterState, name: string, except: string | null): void {
  const taken = areaNamed(state, name);
  if (taken && taken.id !== except) {
    throw conflict(`Området "${name}" finns redan / An area with this name exists`, {
      field: 'name',
      areaId: taken.id,
    });
  }
}

function ensureRoom(state: AreaRegisterState, adding: number): void {
  if (currentAreas(state).length + adding > MAX_AREAS) {
    throw ruleBroken(`Högst ${MAX_AREAS} områden / At most ${MAX_AREAS} areas`, { field: 'name' });
  }
}

/** What an import changes: an area of the same name is redrawn, any other is defined. */
function importEvents(state: AreaRegisterState, areas: readonly ImportedArea[]): AreaEvent[] {
  const events: AreaEvent[] = [];
  let added = 0;
  for (const imported of areas) {
    const existing = areaNamed(state, imported.name);
    if (!existing) {
      if (areaOf(state, imported.newAreaId)) continue; // decided before: the same request again
      added++;
      events.push({
        type: 'AreaDefined',
        data: { areaId: imported.newAreaId, name: imported.name, geometry: imported.geometry },
      });
    } else if (!sameGeometry(existing.geometry, imported.geometry)) {
      events.push({ type: 'AreaRedrawn', data: { areaId: existing.id, geometry: imported.geometry } });
    }
  }
  ensureRoom(state, added);
  return events;
}

export function decideAreas(command: AreaCommand, state: AreaRegisterState): AreaEvent[] {
  switch (command.type) {
    case 'DefineArea': {
      const existing = areaOf(state, command.data.areaId);
      if (existing) {
        if (existing.name === command.data.name && sameGeometry(existing.geometry, command.data.geometry))
          return [];
        throw conflict('Området finns redan / The area already exists', { areaId: command.data.areaId });
      }
      ensureNameFree(state, command.data.name, null);
      ensureRoom(state, 1);
      return [{ type: 'AreaDefined', data: command.data }];
    }
    case 'EditArea': {
      const area = areaOf(state, command.data.areaId);
      if (!area || area.removed) throw notFound('Area');
      const events: AreaEvent[] = [];
      const { name, geometry } = command.data;
      if (name !== undefined && name !== area.name) {
        ensureNameFree(state, name, area.id);
        events.push({ type: 'AreaRenamed', data: { areaId: area.id, name, previousName: area.name } });
      }
      if (geometry !== undefined && !sameGeometry(geometry, area.geometry)) {
        events.push({ type: 'AreaRedrawn', data: { areaId: area.id, geometry } });
      }
      return events;
    }
    case 'RemoveArea': {
      const area = areaOf(state, command.data.areaId);
      if (!area || area.removed) throw notFound('Area');
      return [{ type: 'AreaRemoved', data: { areaId: area.id, name: area.name } }];
    }
    case 'ImportAreas':
      return importEvents(state, command.data.areas);
    default:
      return assertNever(command);
  }
}

export function evolveAreas(state: AreaRegisterState, event: AreaEvent): AreaRegisterState {
  const with_ = (area: Area): AreaRegisterState => ({ areas: { ...state.areas, [area.id]: area } });
  switch (event.type) {
    case 'AreaDefined': {
      const { areaId, name, geometry } = event.data;
      return with_({ id: areaId, name, geometry, removed: false });
    }
    case 'AreaRenamed': {
      const area = areaOf(state, event.data.areaId);
      return area ? with_({ ...area, name: event.data.name }) : state;
    }
    case 'AreaRedrawn': {
      const area = areaOf(state, event.data.areaId);
      return area ? with_({ ...area, geometry: event.data.geometry }) : state;
    }
    case 'AreaRemoved': {
      const area = areaOf(state, event.data.areaId);
      return area ? with_({ ...area, removed: true }) : state;
    }
    default:
      return assertNever(event);
  }
}

export const areaRegisterDecider: Decider<AreaRegisterState, AreaCommand, AreaEvent> = {
  initialState: initialAreaRegisterState,
  decide: decideAreas,
  evolve: evolveAreas,
};
