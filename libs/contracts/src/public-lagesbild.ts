import { z } from 'zod';
import { lagesbildDocumentSchema } from './responses.js';

/**
 * The public site's JSON (`/public/lagesbilder/2024-W48.json`, `/public/lagesbilder.json`), for
 * anyone who reads it: served as JSON Schema at `/public/schema/lagesbild.schema.json`, named by
 * each document's `$schema` and its `Link: <…>; rel="describedby"` header (docs/adr/0021).
 */

/** Where the schema is served, relative to the public base address. */
export const PUBLIC_SCHEMA_PATH = '/public/schema/lagesbild.schema.json';
/** The list's part of that schema. */
export const PUBLIC_LIST_SCHEMA_FRAGMENT = '#/$defs/PublicLagesbildList';

const schemaUri = z.url().meta({ description: 'This schema’s address' });

export const publicLagesbildSchema = z
  .object({
    $schema: schemaUri,
    period: z.string().meta({ description: 'ISO week, e.g. `2024-W48`' }),
    publicationNumber: z
      .number()
      .int()
      .min(1)
      .meta({ description: '1 for the first publication of the week, 2 for its first correction, …' }),
    revision: z.number().int().min(0).meta({ description: 'The content revision that was approved' }),
    publishedAt: z.iso.datetime({ offset: true }),
    contentHash: z.string().meta({ description: 'The approved content hash of the open version' }),
    correction: z
      .object({ what: z.string(), why: z.string() })
      .nullable()
      .meta({ description: 'What a correction changed and why; null on a first publication' }),
    document: lagesbildDocumentSchema.extend({ status: z.literal('published'), view: z.literal('open') }),
    map: z.url().nullable().meta({
      description:
        'This publication’s open map as GeoJSON (counts per area and category, small cells hidden); null where it has none',
    }),
  })
  .meta({ id: 'PublicLagesbild', title: 'Lokal lägesbild (öppen version)' });

export const publicLagesbildListSchema = z
  .object({
    $schema: schemaUri,
    municipality: z.string(),
    lagesbilder: z.array(
      z.object({
        id: z.url().meta({
          description:
            'The numbered publication (`…/2024-W48/2`): the Atom entry’s `<id>`, so feed and list name a version alike',
        }),
        period: z.string(),
        publicationNumber: z.number().int().min(1),
        revision: z.number().int().min(0),
        publishedAt: z.iso.datetime({ offset: true }),
        corrected: z.boolean(),
        html: z.url(),
        json: z.url(),
        pdf: z.url(),
      }),
    ),
  })
  .meta({ id: 'PublicLagesbildList', title: 'Publicerade lokala lägesbilder' });

const position = z.array(z.number()).min(2).max(3);
const openMapGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);

/**
 * A publication's open map (`/public/lagesbilder/2024-W48.geojson`, issue 20): one feature per
 * area, counts per category, never points. A cell with fewer incidents than the minimum carries
 * `count: null, fewerThan: N` and is in no sum.
 */
export const publicOpenMapSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    minCount: z.number().int().min(1).meta({
      description: 'A cell with fewer incidents than this reads `count: null, fewerThan: minCount`',
    }),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: openMapGeometry.meta({
          description: 'The area as drawn when the version was published (WGS84)',
        }),
        properties: z.object({
          areaId: z.string(),
          name: z.string(),
          cells: z.array(
            z.object({
              category: z.string(),
              label: z.string(),
              count: z.number().int().min(0).nullable(),
              fewerThan: z.number().int().min(2).optional(),
            }),
          ),
        }),
      }),
    ),
  })
  .meta({ id: 'PublicOpenMap', title: 'Öppen karta: händelser per område och kategori' });

export type PublicLagesbild = z.output<typeof publicLagesbildSchema>;
export type PublicLagesbildList = z.output<typeof publicLagesbildListSchema>;

/** The JSON Schema document served at PUBLIC_SCHEMA_PATH: a publication, with the list in `$defs`. */
export function publicLagesbildJsonSchema(baseUrl: string): Record<string, unknown> {
  const options = { target: 'draft-2020-12', io: 'output' } as const;
  // Each comes as `{$schema, $ref: '#/$defs/<id>', $defs}`: one document holds both.
  const publication = z.toJSONSchema(publicLagesbildSchema, options) as { $defs?: object };
  const list = z.toJSONSchema(publicLagesbildListSchema, options) as { $defs?: object };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: new URL(PUBLIC_SCHEMA_PATH, baseUrl).href,
    title: 'Läget: lokal lägesbild, öppen version (JSON)',
    $ref: '#/$defs/PublicLagesbild',
    $defs: { ...publication.$defs, ...list.$defs },
  };
}
