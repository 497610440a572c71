import type { AreaGeometry } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { defineProjection } from '../platform/projections/projection.js';
import { storableText } from '../platform/storable-text.js';
import { AREA_EVENT_TYPES, type AreaEvent } from './area-register.decider.js';

/**
 * `map_areas`: the areas in force, for the lists, the map and the open map. Rebuildable from the
 * register's stream like every read model; the geometry is kept as the decider checked it.
 */
export const AREAS_PROJECTION = 'map.areas';

export const areasProjection = defineProjection<AreaEvent>({
  name: AREAS_PROJECTION,
  eventTypes: AREA_EVENT_TYPES,
  setup: async (sql) => {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS map_areas (
        area_id text PRIMARY KEY,
        name text NOT NULL,
        geometry jsonb,
        version integer NOT NULL
      )`);
  },
  reset: async (sql) => {
    await sql.query('DELETE FROM map_areas');
  },
  handle: async (event, sql) => {
    const areaId = storableText(String(event.data.areaId));
    switch (event.type) {
      case 'AreaDefined':
        await sql.query(
          `INSERT INTO map_areas (area_id, name, geometry, version) VALUES ($1, $2, $3, $4)
           ON CONFLICT (area_id) DO NOTHING`,
          [
            areaId,
            storableText(String(event.data.name)),
            geometryJson(event.data.geometry),
            event.streamVersion,
          ],
        );
        break;
      case 'AreaRenamed':
        await sql.query('UPDATE map_areas SET name = $2 WHERE area_id = $1', [
          areaId,
          storableText(String(event.data.name)),
        ]);
        break;
      case 'AreaRedrawn':
        await sql.query('UPDATE map_areas SET geometry = $2 WHERE area_id = $1', [
          areaId,
          geometryJson(event.data.geometry),
        ]);
        break;
      case 'AreaRemoved':
        await sql.query('DELETE FROM map_areas WHERE area_id = $1', [areaId]);
        break;
    }
    // The register is one stream: every area shows the register's version, for If-Match.
    await sql.query('UPDATE map_areas SET version = $1', [event.streamVersion]);
  },
});

const isPosition = (value: unknown): value is number[] =>
  Array.isArray(value) &&
  value.length >= 2 &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n));
const isRings = (value: unknown): value is number[][][] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition));

/**
 * The geometry as JSON made of numbers only, or null where the log holds something else (a log
 * written by anything but our decider): such an area is listed but contains no place.
 */
export function geometryJson(value: unknown): string | null {
  const geometry = asAreaGeometry(value);
  return geometry ? JSON.stringify(geometry) : null;
}

export function asAreaGeometry(value: unknown): AreaGeometry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  const strip = (rings: number[][][]) => rings.map((ring) => ring.map(([lon, lat]) => [lon!, lat!]));
  if (type === 'Polygon' && isRings(coordinates)) return { type, coordinates: strip(coordinates) };
  if (
    type === 'MultiPolygon' &&
    Array.isArray(coordinates) &&
    coordinates.length > 0 &&
    coordinates.every(isRings)
  )
    return { type, coordinates: (coordinates as number[][][][]).map(strip) };
  return null;
}

export interface AreaRow {
  id: string;
  name: string;
  geometry: AreaGeometry | null;
  version: number;
}

/** `map_areas`: every area in force, by name. */
export async function areaRows(db: SqlDatabase): Promise<AreaRow[]> {
  const { rows } = await db.query<{ area_id: string; name: string; geometry: unknown; version: number }>(
    'SELECT area_id, name, geometry, version FROM map_areas',
  );
  return rows.map((row) => ({
    id: row.area_id,
    name: row.name,
    geometry: asAreaGeometry(typeof row.geometry === 'string' ? JSON.parse(row.geometry) : row.geometry),
    version: Number(row.version),
  }));
}

/** The register's version when it has no area (or none is listed): what If-Match compares with. */
export async function areaRegisterVersion(db: SqlDatabase): Promise<number> {
  const { rows } = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM map_areas',
  );
  return Number(rows[0]?.version ?? 0);
}
