import type { PlaceKind } from '@laget/contracts';
import { assertNever, type Decider, type DomainEvent } from '../platform/domain/decider.js';
import { conflict, notFound } from '../platform/domain/domain-error.js';
import type { FieldChange } from './report.decider.js';

/**
 * The municipality's register of places that keep coming up ("Frida Hansdotter Arena", "Unkan",
 * "skolan"), kept by the coordinator, so an incident can point at a place and the same place can
 * be counted across weeks. One stream holds the whole register: names must be unique, and a
 * municipality has hundreds of such places, not millions.
 */
export const PLACE_REGISTER_STREAM = 'place-register';

export interface Coordinates {
  /** WGS84 decimal degrees. */
  lat: number;
  lon: number;
}

export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  coordinates: Coordinates | null;
  retired: boolean;
}

export type PlaceCommand =
  | {
      type: 'RegisterPlace';
      data: { placeId: string; name: string; kind: PlaceKind; coordinates: Coordinates | null };
    }
  | {
      type: 'EditPlace';
      data: { placeId: string; name?: string; kind?: PlaceKind; coordinates?: Coordinates | null };
    }
  | { type: 'RetirePlace'; data: { placeId: string } };

export type PlaceEvent =
  | DomainEvent<
      'PlaceRegistered',
      { placeId: string; name: string; kind: PlaceKind; coordinates: Coordinates | null }
    >
  | DomainEvent<'PlaceEdited', { placeId: string; changes: FieldChange[] }>
  | DomainEvent<'PlaceRetired', { placeId: string }>;

export const PLACE_EVENT_TYPES: readonly PlaceEvent['type'][] = [
  'PlaceRegistered',
  'PlaceEdited',
  'PlaceRetired',
];

export interface PlaceRegisterState {
  places: Record<string, Place>;
}

export const initialPlaceRegisterState = (): PlaceRegisterState => ({ places: {} });

/** The place with this id: own properties only, so `__proto__` or `constructor` is no place. */
export function placeOf(state: PlaceRegisterState, placeId: string): Place | undefined {
  return Object.hasOwn(state.places, placeId) ? state.places[placeId] : undefined;
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;

function ensureNameFree(state: PlaceRegisterState, name: string, except: string | null): void {
  const taken = Object.values(state.places).find(
    (place) => !place.retired && place.id !== except && sameName(place.name, name),
  );
  if (taken) {
    throw conflict(`Platsen "${name}" finns redan / A place with this name exists`, {
      field: 'name',
      placeId: taken.id,
    });
  }
}

export function decidePlaces(command: PlaceCommand, state: PlaceRegisterState): PlaceEvent[] {
  switch (command.type) {
    case 'RegisterPlace': {
      const existing = placeOf(state, command.data.placeId);
      if (existing) {
        if (existing.name === command.data.name && existing.kind === command.data.kind) return [];
        throw conflict('Platsen finns redan / The place already exists', { placeId: command.data.placeId });
      }
      ensureNameFree(state, command.data.name, null);
      return [{ type: 'PlaceRegistered', data: command.data }];
    }
    case 'EditPlace': {
      const place = placeOf(state, command.data.placeId);
      if (!place) throw notFound('Place');
      if (command.data.name !== undefined) ensureNameFree(state, command.data.name, place.id);
      const changes: FieldChange[] = [];
      for (const field of ['name', 'kind', 'coordinates'] as const) {
        const after = command.data[field];
        if (after !== undefined && JSON.stringify(after) !== JSON.stringify(place[field])) {
          changes.push({ field, before: place[field], after });
        }
      }
      return changes.length === 0 ? [] : [{ type: 'PlaceEdited', data: { placeId: place.id, changes } }];
    }
    case 'RetirePlace': {
      const place = placeOf(state, command.data.placeId);
      if (!place) throw notFound('Place');
      return place.retired ? [] : [{ type: 'PlaceRetired', data: { placeId: place.id } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolvePlaces(state: PlaceRegisterState, event: PlaceEvent): PlaceRegisterState {
  switch (event.type) {
    case 'PlaceRegistered': {
      const { placeId, ...fields } = event.data;
      return { places: { ...state.places, [placeId]: { id: placeId, ...fields, retired: false } } };
    }
    case 'PlaceEdited': {
      const place = placeOf(state, event.data.placeId);
      if (!place) return state;
      const edited = event.data.changes.reduce<Place>(
        (next, { field, after }) => ({ ...next, [field]: after }),
        place,
      );
      return { places: { ...state.places, [place.id]: edited } };
    }
    case 'PlaceRetired': {
      const place = placeOf(state, event.data.placeId);
      if (!place) return state;
      return { places: { ...state.places, [place.id]: { ...place, retired: true } } };
    }
    default:
      return assertNever(event);
  }
}

export const placeRegisterDecider: Decider<PlaceRegisterState, PlaceCommand, PlaceEvent> = {
  initialState: initialPlaceRegisterState,
  decide: decidePlaces,
  evolve: evolvePlaces,
};
