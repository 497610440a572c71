import { z } from 'zod';

/**
 * Analysis (issue 18): trends over weeks, months, tertials and years, from the facts of the
 * incidents and the police statistics (CONTRACT.md, `GET /api/analysis/trends`).
 */

export const TREND_GROUPINGS = ['category', 'organisation', 'place', 'area'] as const;
export const TREND_MEASURES = ['incidents', 'severity', 'police'] as const;
export const TREND_BUCKETS = ['week', 'month', 'tertial', 'year'] as const;
export type TrendGrouping = (typeof TREND_GROUPINGS)[number];
export type TrendMeasure = (typeof TREND_MEASURES)[number];
export type TrendBucket = (typeof TREND_BUCKETS)[number];

/** At most eleven years of weeks in one question: ten years and the running one. */
export const MAX_TREND_WEEKS = 11 * 53;

const say = (sv: string, en: string, field: { sv: string; en: string }) =>
  `${field.sv}: ${sv} / ${field.en}: ${en}`;
const weekField = (field: { sv: string; en: string }) =>
  z.string({ error: say('måste anges', 'is required', field) }).regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, {
    error: say('ska vara en ISO-vecka som 2024-W48', 'must be an ISO week like 2024-W48', field),
  });
const choice = <T extends readonly [string, ...string[]]>(values: T, field: { sv: string; en: string }) =>
  z.enum(values, { error: say(`ska vara ${values.join(', ')}`, `must be ${values.join(', ')}`, field) });
const idLike = (field: { sv: string; en: string }) =>
  z
    .string()
    .min(1, { error: say('får inte vara tom', 'must not be empty', field) })
    .max(100, { error: say('är för lång', 'is too long', field) })
    .regex(/^[A-Za-z0-9_.:-]+$/, { error: say('är ingen giltig identitet', 'is not a valid id', field) });

/** Weeks counted from year 0 at 53 a year: enough to bound a range, not a calendar. */
const weekIndex = (week: string) => Number(week.slice(0, 4)) * 53 + Number(week.slice(6));

export const trendsQuerySchema = z
  .strictObject(
    {
      from: weekField({ sv: 'Från', en: 'from' }),
      to: weekField({ sv: 'Till', en: 'to' }),
      groupBy: choice(TREND_GROUPINGS, { sv: 'Gruppera', en: 'groupBy' }).default('category'),
      measure: choice(TREND_MEASURES, { sv: 'Mått', en: 'measure' }).default('incidents'),
      bucket: choice(TREND_BUCKETS, { sv: 'Period', en: 'bucket' }).default('week'),
      category: idLike({ sv: 'Kategori', en: 'category' }).optional(),
      organisationId: idLike({ sv: 'Organisation', en: 'organisationId' }).optional(),
      placeId: idLike({ sv: 'Plats', en: 'placeId' }).optional(),
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
    error: say('får inte vara före Från', 'must not be before from', { sv: 'Till', en: 'to' }),
  })
  .refine((query) => weekIndex(query.to) - weekIndex(query.from) < MAX_TREND_WEEKS, {
    path: ['to'],
    error: say(`högst ${MAX_TREND_WEEKS} veckor från Från`, `at most ${MAX_TREND_WEEKS} weeks after from`, {
      sv: 'Till',
      en: 'to',
    }),
  });
export type TrendsQuery = z.output<typeof trendsQuerySchema>;

export const trendsAnswerSchema = z
  .object({
    bucket: z.enum(TREND_BUCKETS),
    measure: z.enum(TREND_MEASURES),
    groupBy: z.enum(TREND_GROUPINGS),
    buckets: z
      .array(z.string())
      .meta({ description: 'Bucket keys in order: 2024-W48, 2024-11, 2024-T3 or 2024' }),
    series: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        values: z
          .array(z.number().nullable())
          .meta({ description: 'One per bucket; null where no report came in (missing, not zero)' }),
      }),
    ),
  })
  .meta({ id: 'Trends' });
export type TrendsAnswer = z.output<typeof trendsAnswerSchema>;
