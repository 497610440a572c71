import { z } from 'zod';
import { freeText, sayBoth, type SayAboutField } from './free-text.js';

/**
 * The map (issue 20, CONTRACT.md "Additions": `/api/areas`, `/api/map/…`): areas (områden) as
 * GeoJSON (RFC 7946) polygons in WGS84, and the incidents at their places for the panel's map.
 * Every message names the field, Swedish first.
 */

/** Positions in one area's geometry: a municipality's district boundary is a few thousand. */
export const MAX_AREA_POSITIONS = 20_000;
/** Polygons of one MultiPolygon, and rings (the outline and its holes) of one polygon. */
export const MAX_AREA_PARTS = 500;
/** Features of one import: a municipality has dozens of areas, not thousands. */
export const MAX_IMPORT_FEATURES = 500;
export const MAX_AREA_NAME_LENGTH = 100;

const strict = <Shape extends z.core.$ZodLooseShape>(say: SayAboutField, shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? say(`okända fält ${issue.keys.join(', ')}`, `unknown fields ${issue.keys.join(', ')}`)
        : say('måste vara ett objekt', 'must be an object'),
  });
const bodySays = sayBoth('Begäran', 'Request body');
const geometrySays = sayBoth('Geometri', 'geometry');

/** An area's name: trimmed, 1–100 characters, no characters freeText refuses. */
export const areaName = freeText(sayBoth('Namn', 'name'), { max: MAX_AREA_NAME_LENGTH, min: 1 });

const coordinate = (say: SayAboutField, min: number, max: number, what: string) =>
  z
    .number({ error: say('måste vara ett tal', 'must be a number') })
    .min(min, { error: say(`ska vara mellan ${min} och ${max}`, `must be between ${min} and ${max}`) })
    .max(max, {
      error: say(
        `ska vara mellan ${min} och ${max} (${what}; WGS84 i grader, räkna om SWEREF 99 först)`,
        `must be between ${min} and ${max} (${what}; WGS84 degrees, convert SWEREF 99 first)`,
      ),
    });

/** `[longitude, latitude]` (an altitude, which RFC 7946 allows, is read and dropped). */
const position = z
  .array(z.unknown(), {
    error: sayBoth('Position', 'position')('ska vara [longitud, latitud]', 'must be [longitude, latitude]'),
  })
  .min(2, {
    error: sayBoth('Position', 'position')('ska vara [longitud, latitud]', 'must be [longitude, latitude]'),
  })
  .max(3, {
    error: sayBoth('Position', 'position')('ska vara [longitud, latitud]', 'must be [longitude, latitude]'),
  })
  .pipe(
    z
      .tuple([
        coordinate(sayBoth('Longitud', 'longitude'), -180, 180, 'longitud'),
        coordinate(sayBoth('Latitud', 'latitude'), -90, 90, 'latitud'),
      ])
      .rest(z.number()),
  )
  .transform(([lon, lat]): [number, number] => [lon, lat]);

const ringSays = sayBoth('Ring', 'ring');
/** A closed ring: at least four positions, the last the first again, three of them distinct. */
const ring = z
  .array(position, { error: ringSays('måste vara en lista av positioner', 'must be a list of positions') })
  .min(4, { error: ringSays('behöver minst 4 positioner', 'needs at least 4 positions') })
  .max(MAX_AREA_POSITIONS, {
    error: ringSays(`högst ${MAX_AREA_POSITIONS} positioner`, `at most ${MAX_AREA_POSITIONS} positions`),
  })
  // Zod runs these refinements even after `min(4)` has failed: an empty ring must not throw here.
  .refine((r) => r.length === 0 || (r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1]), {
    error: ringSays(
      'ska vara sluten (sista positionen lika med den första)',
      'must be closed (last position equal to the first)',
    ),
  })
  .refine((r) => new Set(r.map(([lon, lat]) => `${lon},${lat}`)).size >= 3, {
    error: ringSays(
      'har ingen yta (färre än 3 olika positioner)',
      'has no area (fewer than 3 distinct positions)',
    ),
  });

const rings = z
  .array(ring, { error: geometrySays('ska vara en lista av ringar', 'must be a list of rings') })
  .min(1, { error: geometrySays('behöver minst en ring', 'needs at least one ring') })
  .max(MAX_AREA_PARTS, {
    error: geometrySays(`högst ${MAX_AREA_PARTS} ringar`, `at most ${MAX_AREA_PARTS} rings`),
  });

export type AreaGeometry =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

const countPositions = (geometry: AreaGeometry): number =>
  geometry.type === 'Polygon'
    ? geometry.coordinates.reduce((sum, r) => sum + r.length, 0)
    : geometry.coordinates.reduce((sum, p) => sum + p.reduce((s, r) => s + r.length, 0), 0);

/**
 * A GeoJSON Polygon or MultiPolygon in WGS84. Other members (`bbox`, a foreign `crs`) are
 * dropped: what is kept is exactly `{type, coordinates}` with two numbers a position.
 */
export const areaGeometrySchema = z
  .object(
    {
      type: z.enum(['Polygon', 'MultiPolygon'], {
        error: geometrySays(
          'type ska vara Polygon eller MultiPolygon',
          'type must be Polygon or MultiPolygon',
        ),
      }),
      coordinates: z.unknown(),
    },
    { error: geometrySays('måste vara en GeoJSON-geometri', 'must be a GeoJSON geometry') },
  )
  .pipe(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('Polygon'), coordinates: rings }),
      z.object({
        type: z.literal('MultiPolygon'),
        coordinates: z
          .array(rings, {
            error: geometrySays('ska vara en lista av polygoner', 'must be a list of polygons'),
          })
          .min(1, { error: geometrySays('behöver minst en polygon', 'needs at least one polygon') })
          .max(MAX_AREA_PARTS, {
            error: geometrySays(`högst ${MAX_AREA_PARTS} polygoner`, `at most ${MAX_AREA_PARTS} polygons`),
          }),
      }),
    ]),
  )
  .transform(
    (geometry): AreaGeometry => ({ type: geometry.type, coordinates: geometry.coordinates }) as AreaGeometry,
  )
  .refine((geometry) => countPositions(geometry) <= MAX_AREA_POSITIONS, {
    error: geometrySays(
      `högst ${MAX_AREA_POSITIONS} positioner i ett område (förenkla geometrin)`,
      `at most ${MAX_AREA_POSITIONS} positions in one area (simplify the geometry)`,
    ),
  });

const expectedVersion = z
  .number({ error: sayBoth('Version', 'expectedVersion')('måste vara ett heltal', 'must be a whole number') })
  .int({ error: sayBoth('Version', 'expectedVersion')('måste vara ett heltal', 'must be a whole number') })
  .min(0, { error: sayBoth('Version', 'expectedVersion')('får inte vara negativ', 'must not be negative') })
  .optional();

export const defineAreaRequestSchema = strict(bodySays, { name: areaName, geometry: areaGeometrySchema });
export type DefineAreaRequest = z.output<typeof defineAreaRequestSchema>;

export const editAreaRequestSchema = strict(bodySays, {
  name: areaName.optional(),
  geometry: areaGeometrySchema.optional(),
  expectedVersion,
});
export type EditAreaRequest = z.output<typeof editAreaRequestSchema>;

/**
 * An import's shell: a FeatureCollection of at most 500 features. Each feature is read on its
 * own (`areaFeatureSchema`), so one broken feature is refused with its reason and the rest go in.
 */
export const importAreasRequestSchema = z
  .object(
    {
      type: z.literal('FeatureCollection', {
        error: bodySays('type ska vara FeatureCollection', 'type must be FeatureCollection'),
      }),
      features: z
        .array(z.unknown(), { error: sayBoth('Objekt', 'features')('måste vara en lista', 'must be a list') })
        .max(MAX_IMPORT_FEATURES, {
          error: sayBoth('Objekt', 'features')(
            `högst ${MAX_IMPORT_FEATURES} i en import`,
            `at most ${MAX_IMPORT_FEATURES} in one import`,
          ),
        }),
    },
    { error: bodySays('måste vara en GeoJSON FeatureCollection', 'must be a GeoJSON FeatureCollection') },
  )
  .meta({
    description: 'A GeoJSON FeatureCollection; each feature’s name in `properties.name` or `properties.namn`',
  });
export type ImportAreasRequest = z.output<typeof importAreasRequestSchema>;

/** One feature of an import: a Polygon or MultiPolygon named by `properties.name` (or `namn`). */
export const areaFeatureSchema = z
  .object(
    {
      type: z.literal('Feature', {
        error: sayBoth('Objekt', 'feature')('type ska vara Feature', 'type must be Feature'),
      }),
      properties: z
        .record(z.string(), z.unknown(), {
          error: sayBoth('Egenskaper', 'properties')('måste vara ett objekt', 'must be an object'),
        })
        .nullable(),
      geometry: areaGeometrySchema,
    },
    { error: sayBoth('Objekt', 'feature')('måste vara en GeoJSON Feature', 'must be a GeoJSON Feature') },
  )
  .transform((feature, context) => {
    const properties = feature.properties ?? {};
    const raw = Object.hasOwn(properties, 'name') ? properties.name : properties.namn;
    const name = areaName.safeParse(raw === undefined ? '' : raw);
    if (!name.success) {
      context.issues.push({
        code: 'custom',
        input: raw,
        path: ['properties', 'name'],
        message: name.error.issues[0]?.message ?? 'Namn: saknas / name: missing',
      });
      return z.NEVER;
    }
    return { name: name.data, geometry: feature.geometry };
  });

// ---- Answers ---------------------------------------------------------------------------------

const positionOut = z.array(z.number()).meta({ description: '[longitude, latitude], WGS84' });
export const areaGeometryAnswerSchema = z
  .union([
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(positionOut)) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(positionOut))) }),
  ])
  .meta({ id: 'AreaGeometry', description: 'GeoJSON Polygon or MultiPolygon (RFC 7946), WGS84' });

export interface AreaView {
  id: string;
  name: string;
  geometry: AreaGeometry;
  /** The register's version (one stream): send it as If-Match. */
  version: number;
  /** Registered places (not retired) that lie in this area. */
  placeCount: number;
}

export const areaSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    geometry: areaGeometryAnswerSchema,
    version: z.number().int().meta({ description: 'The area register’s version: send as If-Match' }),
    placeCount: z.number().int().meta({ description: 'Registered places that lie in the area' }),
  })
  .meta({ id: 'Area' });

export const AREA_IMPORT_OUTCOMES = ['created', 'redrawn', 'unchanged', 'refused'] as const;
export type AreaImportOutcome = (typeof AREA_IMPORT_OUTCOMES)[number];

export interface AreaImportResult {
  /** The feature's index in the collection, from 0. */
  index: number;
  name: string | null;
  outcome: AreaImportOutcome;
  areaId: string | null;
  /** Why a feature was refused, naming the field. */
  reason: string | null;
}

export const areaImportAnswerSchema = z
  .object({
    results: z.array(
      z.object({
        index: z.number().int(),
        name: z.string().nullable(),
        outcome: z.enum(AREA_IMPORT_OUTCOMES).meta({
          description: 'created; redrawn (an area of the same name got this geometry); unchanged; refused',
        }),
        areaId: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
    version: z.number().int(),
  })
  .meta({ id: 'AreaImport' });
export type AreaImportAnswer = z.output<typeof areaImportAnswerSchema>;

// ---- The panel's map -------------------------------------------------------------------------

const weekSays = (sv: string, en: string) => sayBoth(sv, en);
const week = (sv: string, en: string) =>
  z
    .string({ error: weekSays(sv, en)('måste anges', 'is required') })
    .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, {
      error: weekSays(sv, en)('ska vara en ISO-vecka som 2024-W48', 'must be an ISO week like 2024-W48'),
    });
const idLike = (sv: string, en: string) =>
  z
    .string()
    .min(1, { error: sayBoth(sv, en)('får inte vara tom', 'must not be empty') })
    .max(100, { error: sayBoth(sv, en)('är för lång', 'is too long') })
    .regex(/^[A-Za-z0-9_.:-]+$/, {
      error: sayBoth(sv, en)('är ingen giltig identitet', 'is not a valid id'),
    });

/** At most eleven years of weeks on one map, as the trends. */
export const MAX_MAP_WEEKS = 11 * 53;
const weekIndex = (w: string) => Number(w.slice(0, 4)) * 53 + Number(w.slice(6));

export const mapQuerySchema = z
  .strictObject(
    {
      from: week('Från', 'from'),
      to: week('Till', 'to'),
      category: idLike('Kategori', 'category').optional(),
      organisationId: idLike('Organisation', 'organisationId').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Okända parametrar ${issue.keys.join(', ')} / unknown parameters ${issue.keys.join(', ')}`
          : 'Felaktig fråga / invalid query',
    },
  )
  .refine((query) => query.from <= query.to, {
    path: ['to'],
    error: sayBoth('Till', 'to')('får inte vara före Från', 'must not be before from'),
  })
  .refine((query) => weekIndex(query.to) - weekIndex(query.from) < MAX_MAP_WEEKS, {
    path: ['to'],
    error: sayBoth('Till', 'to')(
      `högst ${MAX_MAP_WEEKS} veckor från Från`,
      `at most ${MAX_MAP_WEEKS} weeks after from`,
    ),
  });
export type MapQuery = z.output<typeof mapQuerySchema>;

const point = z.object({
  type: z.literal('Point'),
  coordinates: positionOut,
});

export interface MapIncidentProperties {
  incidentId: string;
  reportId: string;
  period: string;
  organisationId: string;
  organisationName: string;
  category: string;
  categoryLabel: string;
  severity: number | null;
  placeId: string;
  placeName: string;
  areaId: string | null;
  areaName: string | null;
}

export interface MapPoint<Properties> {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: number[] };
  properties: Properties;
}

export interface MapFeatureCollection<Properties> {
  type: 'FeatureCollection';
  features: MapPoint<Properties>[];
}

export const mapIncidentsAnswerSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: point,
        properties: z.object({
          incidentId: z.string(),
          reportId: z.string(),
          period: z.string(),
          organisationId: z.string(),
          organisationName: z.string(),
          category: z.string(),
          categoryLabel: z.string(),
          severity: z.number().int().nullable(),
          placeId: z.string(),
          placeName: z.string(),
          areaId: z.string().nullable(),
          areaName: z.string().nullable(),
        }),
      }),
    ),
  })
  .meta({
    id: 'MapIncidents',
    description: 'One Point per incident of a submitted report whose place has coordinates (no free text)',
  });

export interface MapPlaceProperties {
  placeId: string;
  placeName: string;
  areaId: string | null;
  areaName: string | null;
  /** Incidents at the place in the range, under the filters. */
  count: number;
  /** Their severities summed (an incident without a grade counts 0): the weight of a hot-spot. */
  severitySum: number;
  maxSeverity: number | null;
}

export const mapPlacesAnswerSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: point,
        properties: z.object({
          placeId: z.string(),
          placeName: z.string(),
          areaId: z.string().nullable(),
          areaName: z.string().nullable(),
          count: z.number().int(),
          severitySum: z.number().int(),
          maxSeverity: z.number().int().nullable(),
        }),
      }),
    ),
  })
  .meta({
    id: 'MapPlaces',
    description: 'Every registered place with coordinates and its incidents in the range: a hot-spot layer',
  });

export interface MapSettingsView {
  /** The base map's style (LAGET_MAP_STYLE_URL); null: draw on a plain background, fetch nothing. */
  styleUrl: string | null;
  /** LAGET_MAP_MIN_COUNT: an open map cell with fewer incidents is shown as "färre än N". */
  minCount: number;
}

export const mapSettingsSchema = z
  .object({ styleUrl: z.string().nullable(), minCount: z.number().int() })
  .meta({ id: 'MapSettings' });

/**
 * The open map as publishing the lägesbild now would count it (`GET /api/lagesbilder/:id/open-map-preview`):
 * what the reviewer sees before approving. Null members: no map would be published (no areas, or
 * no incident table in the open version).
 */
export interface OpenMapPreview {
  /** A standalone SVG, the same drawing as the public page's; show it as an image. */
  svg: string | null;
  /** What the map says in words, as the public page's alt text. */
  alt: string | null;
  width: number | null;
  height: number | null;
  /** Cells with fewer incidents read "färre än N". */
  minCount: number | null;
  /** The map's hash: sent with the approval (`openMapHash`), so a map changed since is not approved. */
  hash: string | null;
}

export const openMapPreviewSchema = z
  .object({
    svg: z.string().nullable().meta({ description: 'Standalone SVG (image/svg+xml); null: no map' }),
    alt: z.string().nullable().meta({ description: 'The map in words, as on the public page' }),
    width: z.number().nullable(),
    height: z.number().nullable(),
    minCount: z.number().int().nullable(),
    hash: z.string().nullable().meta({
      description:
        'The map’s hash (null: no map); send it with the approval as `openMapHash` so a map changed since it was seen is not approved',
    }),
  })
  .meta({
    id: 'OpenMapPreview',
    description: 'The open map as publishing now would count it: what the reviewer approves with',
  });
