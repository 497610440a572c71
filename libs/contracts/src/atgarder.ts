import { z } from 'zod';
import { freeText, sayBoth } from './free-text.js';

/**
 * Problems and actions (åtgärder) with their follow-ups (CONTRACT.md, "Additions": `/api/problems`,
 * `/api/actions`; issue 19). A problem is what the EST group decides to work on; an action is
 * what an organisation does about it, followed up with dated notes on its effect.
 */

export const PROBLEM_STATUSES = ['active', 'watched', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, { sv: string; en: string }> = {
  active: { sv: 'Aktivt', en: 'Active' },
  watched: { sv: 'Bevakas', en: 'Watched' },
  closed: { sv: 'Avslutat', en: 'Closed' },
};

export const ACTION_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, { sv: string; en: string }> = {
  planned: { sv: 'Planerad', en: 'Planned' },
  ongoing: { sv: 'Pågår', en: 'Ongoing' },
  done: { sv: 'Genomförd', en: 'Done' },
  cancelled: { sv: 'Avbruten', en: 'Cancelled' },
};

export const FOLLOW_UP_EFFECTS = ['better', 'unchanged', 'worse'] as const;
export type FollowUpEffect = (typeof FOLLOW_UP_EFFECTS)[number];
export const FOLLOW_UP_EFFECT_LABELS: Record<FollowUpEffect, { sv: string; en: string }> = {
  better: { sv: 'Bättre', en: 'Better' },
  unchanged: { sv: 'Oförändrat', en: 'Unchanged' },
  worse: { sv: 'Sämre', en: 'Worse' },
};

export const MAX_PROBLEM_PLACES = 50;
export const MAX_FOLLOW_UPS_PER_ACTION = 500;
export const MAX_INCIDENTS_PER_PROBLEM = 2000;

function strict<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Begäran: okända fält ${issue.keys.join(', ')} / Request body: unknown fields ${issue.keys.join(', ')}`
        : 'Begäran: måste vara ett objekt / Request body: must be an object',
  });
}

const id = (sv: string, en: string) =>
  freeText(sayBoth(sv, en), { max: 100, min: 1 }).regex(/^[A-Za-z0-9_.:-]+$/, {
    error: sayBoth(sv, en)('är ingen giltig identitet', 'is not a valid id'),
  });

/** A calendar date, `2026-03-01`, that exists. */
const isoDate = (sv: string, en: string) =>
  z
    .string({ error: sayBoth(sv, en)('måste vara ett datum', 'must be a date') })
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
      error: sayBoth(sv, en)('ska skrivas 2026-03-01', 'must be like 2026-03-01'),
    })
    .refine(
      (value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
      },
      sayBoth(sv, en)('finns inte i kalendern', 'is not a calendar date'),
    );

const enumOf = <const Values extends readonly [string, ...string[]]>(
  values: Values,
  sv: string,
  en: string,
) =>
  z.enum(values, {
    error: sayBoth(sv, en)(`ska vara en av ${values.join(', ')}`, `must be one of ${values.join(', ')}`),
  });

const expectedVersion = z.number().int().min(0).optional();

const problemFields = {
  title: freeText(sayBoth('Rubrik', 'title'), { max: 200, min: 1 }),
  category: freeText(sayBoth('Kategori', 'category'), { max: 60, min: 1 }),
  placeIds: z.array(id('Plats', 'placeIds')).max(MAX_PROBLEM_PLACES),
  description: freeText(sayBoth('Beskrivning', 'description'), { max: 4000 }),
  status: enumOf(PROBLEM_STATUSES, 'Status', 'status'),
};

export const createProblemRequestSchema = strict({
  ...problemFields,
  placeIds: problemFields.placeIds.default([]),
  description: problemFields.description.default(''),
  status: problemFields.status.default('active'),
});
export type CreateProblemRequest = z.output<typeof createProblemRequestSchema>;

export const editProblemRequestSchema = strict({
  title: problemFields.title.optional(),
  category: problemFields.category.optional(),
  placeIds: problemFields.placeIds.optional(),
  description: problemFields.description.optional(),
  status: problemFields.status.optional(),
  expectedVersion,
});
export type EditProblemRequest = z.output<typeof editProblemRequestSchema>;

export const linkIncidentRequestSchema = strict({ incidentId: id('Händelse', 'incidentId') });
export type LinkIncidentRequest = z.output<typeof linkIncidentRequestSchema>;

const actionFields = {
  problemId: id('Problem', 'problemId'),
  title: freeText(sayBoth('Rubrik', 'title'), { max: 200, min: 1 }),
  description: freeText(sayBoth('Beskrivning', 'description'), { max: 4000 }),
  ownerOrganisationId: id('Ansvarig organisation', 'ownerOrganisationId'),
  responsibleUserId: id('Ansvarig person', 'responsibleUserId').nullable(),
  startsOn: isoDate('Startdatum', 'startsOn'),
  dueOn: isoDate('Klart senast', 'dueOn'),
  status: enumOf(ACTION_STATUSES, 'Status', 'status'),
  public: z.boolean({
    error: sayBoth('Offentlig', 'public')('ska vara sant eller falskt', 'must be true or false'),
  }),
};

export const createActionRequestSchema = strict({
  ...actionFields,
  description: actionFields.description.default(''),
  responsibleUserId: actionFields.responsibleUserId.default(null),
  status: actionFields.status.default('planned'),
  public: actionFields.public.default(false),
});
export type CreateActionRequest = z.output<typeof createActionRequestSchema>;

export const editActionRequestSchema = strict({
  title: actionFields.title.optional(),
  description: actionFields.description.optional(),
  ownerOrganisationId: actionFields.ownerOrganisationId.optional(),
  responsibleUserId: actionFields.responsibleUserId.optional(),
  startsOn: actionFields.startsOn.optional(),
  dueOn: actionFields.dueOn.optional(),
  status: actionFields.status.optional(),
  public: actionFields.public.optional(),
  expectedVersion,
});
export type EditActionRequest = z.output<typeof editActionRequestSchema>;

/** The fields of an action a PATCH may name (the CASL field rules limit them per role). */
export const ACTION_EDITABLE_FIELDS = [
  'title',
  'description',
  'ownerOrganisationId',
  'responsibleUserId',
  'startsOn',
  'dueOn',
  'status',
  'public',
] as const;

export const addFollowUpRequestSchema = strict({
  on: isoDate('Datum', 'on'),
  effect: enumOf(FOLLOW_UP_EFFECTS, 'Effekt', 'effect'),
  text: freeText(sayBoth('Text', 'text'), { max: 4000, min: 1 }),
});
export type AddFollowUpRequest = z.output<typeof addFollowUpRequestSchema>;

// ---- Responses -------------------------------------------------------------------------------

export const problemSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  placeIds: z.array(z.string()),
  description: z.string(),
  status: z.enum(PROBLEM_STATUSES),
  incidentIds: z.array(z.string()),
  version: z.number().int(),
});
export type ProblemView = z.output<typeof problemSchema>;

export const followUpSchema = z.object({
  on: z.string(),
  effect: z.enum(FOLLOW_UP_EFFECTS),
  text: z.string(),
  /** Who wrote it and when (the timeline on the problem page). */
  byId: z.string(),
  recordedAt: z.string(),
});
export type FollowUpView = z.output<typeof followUpSchema>;

export const actionSchema = z.object({
  id: z.string(),
  problemId: z.string(),
  title: z.string(),
  description: z.string(),
  ownerOrganisationId: z.string(),
  responsibleUserId: z.string().nullable(),
  startsOn: z.string(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  public: z.boolean(),
  followUps: z.array(followUpSchema),
  version: z.number().int(),
});
export type ActionView = z.output<typeof actionSchema>;

/** One incident linked to a problem (or suggested for it), as the problem page lists them. */
export const problemIncidentSchema = z.object({
  incidentId: z.string(),
  reportId: z.string(),
  period: z.string(),
  organisationId: z.string(),
  problem: z.string(),
  location: z.string(),
  placeId: z.string().nullable(),
  category: z.string().nullable(),
  severity: z.number().int().nullable(),
  withdrawn: z.boolean(),
});
export type ProblemIncidentView = z.output<typeof problemIncidentSchema>;

/**
 * An action as a compiled week records it under "Pågående åtgärder" (ongoing, or due in the
 * week): frozen in the lägesbild's log, so the week's record shows the actions as they stood.
 */
export interface OngoingActionSnapshot {
  actionId: string;
  problemTitle: string;
  title: string;
  ownerOrganisationName: string;
  status: ActionStatus;
  startsOn: string;
  dueOn: string;
  public: boolean;
  latestFollowUp: { on: string; effect: FollowUpEffect; text: string } | null;
}

export const PLAN_VIEWS = ['internal', 'open'] as const;
export type PlanView = (typeof PLAN_VIEWS)[number];

export const createPlanRequestSchema = strict({
  year: z
    .number({ error: sayBoth('År', 'year')('måste vara ett årtal', 'must be a year') })
    .int({ error: sayBoth('År', 'year')('måste vara ett årtal', 'must be a year') })
    .min(2000, { error: sayBoth('År', 'year')('tidigast 2000', 'at the earliest 2000') })
    .max(2100, { error: sayBoth('År', 'year')('senast 2100', 'at the latest 2100') }),
});

const planText = (max: number, sv: string, en: string) => freeText(sayBoth(sv, en), { max, min: 1 });

/** Approving the plan: the open version's hash as the approver read it (409 when it changed since). */
export const approvePlanRequestSchema = strict({
  contentHash: z
    .string({ error: sayBoth('Innehållets kontrollsumma', 'contentHash')('måste vara text', 'must be text') })
    .regex(/^[0-9a-f]{64}$/, {
      error: sayBoth('Innehållets kontrollsumma', 'contentHash')('64 hexadecimala tecken', '64 hex digits'),
    })
    .optional(),
});

/** Publishing the plan; required when it was published before: what was corrected and why. */
export const publishPlanRequestSchema = strict({
  correction: z
    .strictObject({
      what: planText(2_000, 'Vad som rättas', 'correction.what'),
      why: planText(2_000, 'Varför', 'correction.why'),
    })
    .optional(),
});

/** Retracting the published plan: why, in the coordinator's words (recorded, never public). */
export const retractPlanRequestSchema = strict({ reason: planText(2_000, 'Skäl', 'reason') });

/** The yearly åtgärdsplan in the lägesbild's document shape (sections of text). */
export const atgardsplanSchema = z.object({
  year: z.number().int(),
  status: z.enum(['compiled', 'approved', 'published', 'retracted']),
  revision: z.number().int(),
  version: z.number().int(),
  view: z.enum(PLAN_VIEWS),
  compiledAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  contentHash: z.string().meta({ description: 'The open version’s hash; send it back when approving' }),
  corrections: z
    .array(z.object({ what: z.string(), why: z.string(), publishedAt: z.string() }))
    .meta({ description: 'What each publication after the first corrected, and why' }),
  retraction: z
    .object({ reason: z.string(), at: z.string() })
    .nullable()
    .meta({ description: 'The last retraction (internal views only; a retracted plan has no public page)' }),
  sections: z.array(
    z.object({ id: z.string(), kind: z.string(), title: z.string(), text: z.string().optional() }),
  ),
});
export type AtgardsplanView = z.output<typeof atgardsplanSchema>;
