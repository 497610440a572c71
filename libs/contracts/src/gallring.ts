import { z } from 'zod';
import { freeText, sayBoth } from './free-text.js';

/*
 * Gallring and erasure (issue 17, CONTRACT.md "Additions"): the retention rules, a run, an erasure
 * request and the registrar's report. No answer ever carries erased content: locations and counts.
 */

const required = (max: number, field: string) => freeText(sayBoth(field), { max, min: 1 });

/** What a rule or an erasure acts on. */
export const retentionKinds = ['report', 'lagesbild', 'login', 'email', 'ip'] as const;
export type RetentionKind = (typeof retentionKinds)[number];

export const retentionRuleSchema = z
  .object({
    kind: z.enum(retentionKinds),
    months: z.number().int().meta({
      description:
        'Kept this many months after the week (logins: after deactivation; IP addresses: after their month)',
    }),
    description: z.string(),
  })
  .meta({ id: 'RetentionRule' });

export const retentionSchema = z
  .object({
    rules: z.array(retentionRuleSchema),
    appendKeyDays: z
      .number()
      .int()
      .meta({ description: 'Idempotency keys of appends older than this are pruned' }),
    kept: z.array(z.string()).meta({ description: 'What no rule removes (published open versions)' }),
    nextRunAt: z.string().nullable().meta({ description: 'When the daily run comes next (ISO 8601)' }),
  })
  .meta({ id: 'Retention' });
export type RetentionView = z.output<typeof retentionSchema>;

export const retentionRunRequest = z.object({ dryRun: z.boolean().optional() }).strict();
export type RetentionRunRequest = z.infer<typeof retentionRunRequest>;

export const gallringCountSchema = z
  .object({ kind: z.enum(retentionKinds), subjects: z.number().int(), cutoff: z.string().nullable() })
  .meta({ id: 'GallringCount' });

export const retentionRunSchema = z
  .object({
    runId: z.string(),
    dryRun: z.boolean(),
    at: z.string(),
    counts: z.array(gallringCountSchema),
    appendKeysPruned: z.number().int(),
    storedCopiesPruned: z.number().int().meta({
      description:
        'Stored copies past their time: answers kept for idempotent replays (after appendKeyDays) and outbox e-mails (after the email rule)',
    }),
  })
  .meta({ id: 'RetentionRun' });
export type RetentionRunAnswer = z.output<typeof retentionRunSchema>;

const matchTexts = {
  text: required(200, 'text'),
  personnummer: required(20, 'personnummer'),
  phone: required(40, 'phone'),
  email: required(254, 'email'),
};
export const erasureMatchSchema = z.union([
  z.object({ text: matchTexts.text }).strict(),
  z.object({ personnummer: matchTexts.personnummer }).strict(),
  z.object({ phone: matchTexts.phone }).strict(),
  z.object({ email: matchTexts.email }).strict(),
]);
export type ErasureMatch = z.output<typeof erasureMatchSchema>;

export const erasureRequest = z
  .object({
    match: erasureMatchSchema,
    legalGround: required(200, 'legalGround'),
    reason: required(2_000, 'reason'),
    dryRun: z.boolean().optional(),
  })
  .strict();
export type ErasureRequest = z.output<typeof erasureRequest>;

export const erasureLocationSchema = z
  .object({
    kind: z.string().meta({ description: 'report, lagesbild, login, email or other' }),
    week: z.string().nullable(),
    subject: z.string().meta({ description: 'The stream the values were in (an id, never content)' }),
    eventType: z.string(),
    field: z.string().meta({ description: 'JSON pointer of the value in the event, e.g. /changes/0/after' }),
    values: z.number().int(),
  })
  .meta({ id: 'ErasureLocation' });

export const erasureSchema = z
  .object({
    erasureId: z.string(),
    dryRun: z.boolean(),
    matchKind: z.enum(['text', 'personnummer', 'phone', 'email']),
    erased: z.number().int().meta({ description: 'How many values were (or would be) erased' }),
    locations: z.array(erasureLocationSchema),
    storedCopies: z.number().int().meta({
      description:
        'How many stored copies outside the log held the person and were (or would be) removed: answers kept for idempotent replays and outbox e-mails',
    }),
  })
  .meta({ id: 'Erasure' });
export type ErasureAnswer = z.output<typeof erasureSchema>;

export const retentionReportQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();

export const retentionReportEntrySchema = z
  .object({
    at: z.string(),
    what: z.enum(['rule', 'request']),
    by: z.string().meta({ description: 'The rule run (`system`) or the user who asked' }),
    legalGround: z.string().nullable(),
    kind: z.string(),
    count: z.number().int(),
    reference: z.string().meta({ description: 'The run or erasure id' }),
  })
  .meta({ id: 'RetentionReportEntry' });
export type RetentionReportEntry = z.output<typeof retentionReportEntrySchema>;
