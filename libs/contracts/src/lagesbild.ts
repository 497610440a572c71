import { z } from 'zod';
import { freeText, sayBoth } from './free-text.js';

/**
 * Request bodies of the lägesbild endpoints (CONTRACT.md, "lagesbilder") and the shapes the admin
 * panel reads besides the document itself. Offsets are UTF-16 code units; paths are JSON Pointers
 * into the section as the internal view returns it.
 */
export const periodId = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week, e.g. 2024-W48');

/**
 * A lägesbild's id: a week (`2024-W48`), or a period analysis for a month (`2025-03`), a tertial
 * (`2025-T1`…`T3`) or a year (`2025`) (CONTRACT.md, "Additions").
 */
export const lagesbildId = z
  .string()
  .regex(
    /^\d{4}(-W(0[1-9]|[1-4]\d|5[0-3])|-(0[1-9]|1[0-2])|-T[1-3])?$/,
    'must be an ISO week (2024-W48), a month (2025-03), a tertial (2025-T1) or a year (2025)',
  );

/** CONTRACT.md's six kinds, plus `masked_elsewhere`: the same text is masked at another place. */
export const suggestionKinds = [
  'personnummer',
  'phone',
  'email',
  'licence_plate',
  'address',
  'name',
  'masked_elsewhere',
] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export interface RedactionSuggestion {
  /** Stable while the text it was found in is unchanged: names the suggestion in an approval's 409. */
  id: string;
  sectionId: string;
  path: string;
  start: number;
  end: number;
  kind: SuggestionKind;
  text: string;
  /** Up to 40 characters either side of the text, so a person can judge it where it stands. */
  context: string;
}

/** What approval's 409 lists in `details.unhandledSuggestions`: every suggestion neither masked nor dismissed. */
export type UnhandledSuggestion = Pick<
  RedactionSuggestion,
  'id' | 'sectionId' | 'path' | 'start' | 'end' | 'kind' | 'text' | 'context'
>;

/** The one free-text type (free-text.ts); messages name the field, Swedish and English. */
const fieldName = (field?: string) => (field ? sayBoth(field) : sayBoth('Fältet', 'The field'));
const text = (max: number, field?: string) => freeText(fieldName(field), { max });
const required = (max: number, field?: string) => freeText(fieldName(field), { max, min: 1 });
const offset = z.number().int().min(0);
const expectedVersion = z.number().int().min(0).optional();

/**
 * `confirmEarly`: the coordinator has seen which organisations have not reported yet and compiles
 * before the week's reporting deadline anyway (without it, such a compile answers 409).
 */
export const compileLagesbildRequest = z.object({
  period: lagesbildId,
  confirmEarly: z.boolean().optional(),
});
export type CompileLagesbildRequest = z.infer<typeof compileLagesbildRequest>;

/** An active organisation without a submitted report, as a compile before the deadline names it (409 `details`). */
export interface MissingOrganisation {
  id: string;
  name: string;
}

export const editSectionRequest = z.object({ text: text(50_000, 'text'), expectedVersion });
export type EditSectionRequest = z.infer<typeof editSectionRequest>;

const redactionCommon = {
  sectionId: required(200, 'sectionId'),
  path: text(500, 'path'),
  legalGround: required(200, 'legalGround'),
  reason: required(2_000, 'reason'),
  expectedVersion,
};

/** "Maskera alla förekomster": every occurrence of `text` in the document, each its own redaction. */
export const maskEverywhereRequest = z.object({
  text: required(500, 'text'),
  everywhere: z.literal(true),
  legalGround: redactionCommon.legalGround,
  reason: redactionCommon.reason,
  expectedVersion,
});
export type MaskEverywhereRequest = z.infer<typeof maskEverywhereRequest>;

export const applyRedactionRequest = z.union([
  maskEverywhereRequest,
  z
    .object({
      ...redactionCommon,
      start: offset,
      end: offset,
      suggestionKind: z.enum(suggestionKinds).optional(),
    })
    .refine((body) => body.start < body.end, { message: 'start must be before end', path: ['end'] }),
  z.object({ ...redactionCommon, exclude: z.literal(true) }),
]);
export type ApplyRedactionRequest = z.infer<typeof applyRedactionRequest>;

export const liftRedactionRequest = z.object({ reason: required(2_000, 'reason'), expectedVersion });
export type LiftRedactionRequest = z.infer<typeof liftRedactionRequest>;

/** After the text under a mask changed: the span as it should be on the current text. */
export const reconfirmRedactionRequest = z
  .object({ start: offset, end: offset, expectedVersion })
  .refine((body) => body.start < body.end, { message: 'start must be before end', path: ['end'] });
export type ReconfirmRedactionRequest = z.infer<typeof reconfirmRedactionRequest>;

export const dismissSuggestionRequest = z.object({
  sectionId: required(200, 'sectionId'),
  path: text(500, 'path'),
  start: offset,
  end: offset,
  kind: z.enum(suggestionKinds),
  reason: text(2_000, 'reason').optional(),
  expectedVersion,
});
export type DismissSuggestionRequest = z.infer<typeof dismissSuggestionRequest>;

export const audienceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40');

export const defineAudienceRequest = z.object({
  name: audienceName,
  title: required(200, 'title'),
  organisationIds: z.array(required(200, 'organisationIds')).max(500),
  roles: z.array(required(50, 'roles')).max(20),
  sectionIds: z.array(required(200, 'sectionIds')).min(1).max(200),
  /** null: every incident of the chosen incident section. */
  incidentIds: z.array(required(200, 'incidentIds')).max(5_000).nullable(),
  expectedVersion,
});
export type DefineAudienceRequest = z.infer<typeof defineAudienceRequest>;

export const approveLagesbildRequest = z.object({
  /** The open version's hash as the approver saw it; 409 when it has changed since. */
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** The open map's hash as the approver saw it in the preview (null: no map); 409 when it has changed since. */
  openMapHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
  expectedVersion,
});
export type ApproveLagesbildRequest = z.infer<typeof approveLagesbildRequest>;

export const publishLagesbildRequest = z.object({
  /** Required when this week was published before: what was corrected and why. */
  correction: z
    .object({ what: required(2_000, 'correction.what'), why: required(2_000, 'correction.why') })
    .optional(),
  expectedVersion,
});
export type PublishLagesbildRequest = z.infer<typeof publishLagesbildRequest>;

export const retractPublicationRequest = z.object({ reason: required(2_000, 'reason'), expectedVersion });
export type RetractPublicationRequest = z.infer<typeof retractPublicationRequest>;

/** Taking an amended report in after compile: why, in the coordinator's words. */
export const takeInReportRequest = z.object({ reason: required(2_000, 'reason') });
export type TakeInReportRequest = z.infer<typeof takeInReportRequest>;
