import { z } from 'zod';
import type { LagesbildDocument } from './lagesbild-document.js';
import { suggestionKinds, type RedactionSuggestion } from './lagesbild.js';
import {
  ORGANISATION_KINDS,
  ROLE_NAMES,
  type ApiTokenDto,
  type CreatedUserDto,
  type IssuedApiTokenDto,
  type MeDto,
  type OrganisationDto,
  type UserDto,
} from './identity.js';
import { ATTENDANCES, PLACE_KINDS, type PeriodView, type PlaceView, type ReportView } from './reporting.js';

/**
 * The API's answers as zod schemas, for the OpenAPI document (docs/adr/0021). Each carries an
 * `id` so it lands once in `components.schemas`; the `Same<…>` checks at the end make the
 * compiler refuse a schema that no longer matches the TypeScript type the server returns.
 */

/** The one error body (CONTRACT.md, "Errors"): what every 4xx and 5xx answer carries. */
export const apiErrorSchema = z
  .object({
    statusCode: z.number().int().min(400).max(599),
    error: z.string().meta({ description: 'The HTTP reason phrase, e.g. `Bad Request`' }),
    message: z.string().meta({ description: 'Swedish and English, for a person' }),
    details: z
      .unknown()
      .optional()
      .meta({
        description:
          'Machine-readable specifics: for 400 a list of `{field, message}` naming each offending field ' +
          '(`body.incidents.0.problem`, `query.page`, `header.if-match`); for a 409 on approval ' +
          '`{unhandledSuggestions}`; for a 409 on compile the missing organisations.',
      }),
    requestId: z.string().optional().meta({
      description:
        "On a 500: the request's id, as the `X-Request-Id` response header gives it; quote it to find the logged error",
    }),
  })
  .meta({ id: 'ApiError', description: 'The error shape of every failed request' });

/** `details` of a 400: one entry per offending field, at most 20. */
export const fieldProblemSchema = z
  .object({ field: z.string(), message: z.string() })
  .meta({ id: 'FieldProblem' });

/** A 400 for input that does not match its schema: `details` names each offending field. */
export const validationErrorSchema = apiErrorSchema
  .extend({ statusCode: z.literal(400), details: z.array(fieldProblemSchema).max(20) })
  .meta({ id: 'ValidationError', description: 'Invalid input: each offending field, at most 20' });

export const organisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    active: z.boolean(),
    version: z.number().int().meta({ description: 'Send as If-Match to change it' }),
    createdAt: z.string().nullable().meta({
      description:
        'When the organisation was registered (ISO 8601). Weeks whose reporting deadline had passed by then do not expect its report. Null only until the read model is rebuilt.',
    }),
  })
  .meta({ id: 'Organisation' });

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    organisationId: z.string().nullable(),
    roles: z.array(z.enum(ROLE_NAMES)),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const createdUserSchema = userSchema
  .extend({ oneTimePassword: z.string().meta({ description: 'Shown once' }) })
  .meta({ id: 'CreatedUser' });

export const meSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    organisationId: z.string().nullable(),
    roles: z.array(z.enum(ROLE_NAMES)),
    rules: z
      .array(z.unknown())
      .meta({ description: 'Packed CASL rules (`@casl/ability/extra` unpackRules)' }),
    csrfToken: z
      .string()
      .nullable()
      .meta({ description: 'Send as X-CSRF-Token on state-changing requests of a cookie session' }),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Me' });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    ownerId: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revoked: z.boolean(),
  })
  .meta({ id: 'ApiToken' });

export const issuedApiTokenSchema = apiTokenSchema
  .extend({ token: z.string().meta({ description: 'The secret, shown once; only its hash is stored' }) })
  .meta({ id: 'IssuedApiToken' });

const incidentScope = z.enum(['E', 'A', 'EA']);
const assessment = z.object({ severity: z.number().int(), scope: incidentScope });

export const incidentViewSchema = z
  .object({
    id: z.string(),
    problem: z.string(),
    location: z.string(),
    placeId: z.string().nullable(),
    occurredAt: z.string().meta({ description: 'What the reporter wrote' }),
    occurredAtParsed: z
      .union([
        z.object({ kind: z.literal('date'), on: z.string(), time: z.string().optional() }),
        z.object({ kind: z.literal('range'), from: z.string(), to: z.string() }),
      ])
      .nullable(),
    frequency: z.string(),
    assessment,
    comment: z.string(),
    category: z.string().meta({ description: 'A key of GET /api/incident-categories, or okategoriserad' }),
    tags: z.array(z.string()),
  })
  .meta({ id: 'Incident' });

const statisticsRow = z.object({ key: z.string(), label: z.string().optional(), count: z.number() }).loose();

export const reportSchema = z
  .object({
    id: z.string(),
    period: z.string(),
    organisationId: z.string(),
    status: z.enum(['draft', 'submitted', 'amended', 'withdrawn']),
    attendance: z.enum(ATTENDANCES),
    narrative: z.string(),
    statistics: z
      .record(z.string(), z.union([z.number(), z.string(), z.array(statisticsRow)]))
      .nullable()
      .meta({ description: 'The police statistics (police organisations only)' }),
    incidents: z.array(incidentViewSchema),
    submissions: z.number().int(),
    submittedAt: z.string().nullable(),
    locked: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Report' });

/**
 * One row of `GET /api/reports`: a report without its content (narrative, incidents, statistics),
 * with how many incidents it holds and where its period stands. `GET /api/reports/:id` has the rest.
 */
export const reportSummarySchema = z
  .object({
    id: z.string(),
    period: z.string(),
    organisationId: z.string(),
    openedById: z.string(),
    status: z.enum(['draft', 'submitted', 'amended', 'withdrawn']),
    attendance: z.enum(ATTENDANCES),
    incidentCount: z.number().int(),
    submissions: z.number().int(),
    submittedAt: z.string().nullable(),
    periodStatus: z.enum(['open', 'compiled', 'published']),
    version: z.number().int(),
  })
  .meta({ id: 'ReportSummary' });
export type ReportSummary = z.output<typeof reportSummarySchema>;

const complianceState = z.enum(['on_time', 'late', 'pending', 'missing']);

export const periodSchema = z
  .object({
    id: z.string().meta({ description: 'ISO week, e.g. `2024-W48`' }),
    startsOn: z.string(),
    endsOn: z.string(),
    meetingOn: z.string(),
    monthlyMeeting: z.boolean(),
    status: z.enum(['open', 'compiled', 'published']),
    reportingDeadline: z.string(),
    compiledEarly: z.boolean().optional(),
    reported: z
      .number()
      .int()
      .optional()
      .meta({ description: 'In the list: organisations that have reported for the week (on time or late)' }),
    expected: z
      .number()
      .int()
      .optional()
      .meta({ description: 'In the list: organisations expected to report for the week' }),
    compliance: z
      .array(
        z.object({
          organisationId: z.string(),
          organisationName: z.string(),
          state: complianceState,
          reportId: z.string().nullable(),
          reportStatus: z.enum(['draft', 'submitted', 'amended', 'withdrawn']).nullable(),
          submittedAt: z.string().nullable(),
          record: z.array(z.object({ period: z.string(), state: complianceState })),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Period' });

export const placeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(PLACE_KINDS),
    coordinates: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    retired: z.boolean(),
    version: z.number().int(),
    areaId: z.string().nullable().optional().meta({ description: 'The area (område) the place lies in' }),
    areaName: z.string().nullable().optional(),
  })
  .meta({ id: 'Place' });

const incidentItem = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  problem: z.string(),
  location: z.string(),
  occurredAt: z.string(),
  frequency: z.string(),
  assessment,
  comment: z.string(),
  period: z
    .string()
    .optional()
    .meta({ description: 'In a period analysis: the week the incident was reported for' }),
  category: z.string().optional().meta({ description: 'The incident category key' }),
  categoryLabel: z
    .string()
    .optional()
    .meta({ description: 'In a period analysis: the category’s label as configured at compile' }),
});
const statisticItem = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  count: z.number(),
  note: z.string().optional(),
});

export const documentSectionSchema = z
  .object({
    id: z.string(),
    kind: z.enum([
      'background',
      'incidents',
      'police_statistics',
      'coordinator_report',
      'organisation_report',
      'other',
      'conclusions',
      'previous_period',
      'ongoing_actions',
      'ongoing_action',
    ]),
    title: z.string(),
    organisationId: z.string().optional(),
    text: z.string().optional(),
    items: z.array(z.union([incidentItem, statisticItem])).optional(),
  })
  .meta({ id: 'DocumentSection' });

export const lagesbildDocumentSchema = z
  .object({
    id: z.string(),
    period: z.string(),
    status: z.enum(['draft', 'compiled', 'approved', 'published', 'retracted']),
    revision: z.number().int().meta({ description: 'Grows with every compile, edit and redaction change' }),
    version: z.number().int().meta({ description: 'Stream version, for If-Match' }),
    view: z.string().meta({ description: '`draft`, `internal`, `open` or `audience:<name>`' }),
    sections: z.array(documentSectionSchema),
    monthAnalysis: z.string().optional().meta({
      description: 'On the månadsmöte’s week: the id of the month analysis it discusses (`2024-11`)',
    }),
  })
  .meta({ id: 'LagesbildDocument' });

export const redactionSuggestionSchema = z
  .object({
    id: z.string(),
    sectionId: z.string(),
    path: z.string().meta({ description: 'JSON Pointer into the section' }),
    start: z.number().int(),
    end: z.number().int(),
    kind: z.enum(suggestionKinds),
    text: z.string(),
    context: z.string(),
  })
  .meta({ id: 'RedactionSuggestion' });

export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    state: z.enum(['queued', 'running', 'completed', 'failed']),
    attempts: z.number().int(),
    result: z.unknown().optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'Job' });

export const jobSummarySchema = jobSchema
  .extend({ payload: z.record(z.string(), z.unknown()), updatedAt: z.string() })
  .meta({ id: 'JobSummary' });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    position: z.number().int(),
    streamId: z.string(),
    streamKind: z.string(),
    type: z.string(),
    actorId: z.string(),
    organisationId: z.string().nullable(),
    occurredAt: z.string(),
    ip: z.string().nullable(),
    data: z.unknown().optional().meta({ description: 'Absent where the reader may not see the content' }),
  })
  .meta({ id: 'AuditEntry' });

/** `{jobId}` of an accepted publication (202). */
export const acceptedJobSchema = z.object({ jobId: z.string() }).loose().meta({ id: 'AcceptedJob' });

/** `202` of `POST /api/periods/:period/reminders`: who will be reminded, by which job. */
export const remindersRequestedSchema = z
  .object({
    period: z.string().meta({ description: 'ISO week, e.g. `2024-W48`' }),
    requested: z.number().int().meta({ description: 'How many organisations will be reminded' }),
    organisationIds: z.array(z.string()).meta({ description: 'The organisations that will be reminded' }),
    alreadyReported: z
      .array(z.string())
      .meta({ description: 'Named in the request but reported already: skipped, not an error' }),
    unreachable: z.array(z.string()).meta({
      description:
        'Of those to be reminded, the organisations with no active reporter with an e-mail address: nobody there will get it',
    }),
    jobId: z.string().meta({ description: 'The job that sends the e-mails (GET /api/jobs/:id)' }),
  })
  .meta({ id: 'RemindersRequested' });
export type RemindersRequestedAnswer = z.output<typeof remindersRequestedSchema>;

// ---- The compiler keeps the schemas and the types the server returns the same -----------------

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(): T => true as T;
void same<Same<z.output<typeof organisationSchema>, OrganisationDto>>();
void same<Same<z.output<typeof userSchema>, UserDto>>();
void same<Same<z.output<typeof createdUserSchema>, CreatedUserDto>>();
void same<Same<z.output<typeof meSchema>, MeDto>>();
void same<Same<z.output<typeof apiTokenSchema>, ApiTokenDto>>();
void same<Same<z.output<typeof issuedApiTokenSchema>, IssuedApiTokenDto>>();
void same<Same<z.output<typeof periodSchema>, PeriodView>>();
void same<Same<z.output<typeof placeSchema>, PlaceView>>();
void same<Same<z.output<typeof redactionSuggestionSchema>, RedactionSuggestion>>();
void same<Same<Omit<z.output<typeof reportSchema>, 'statistics'>, Omit<ReportView, 'statistics'>>>();
void same<Same<Omit<z.output<typeof lagesbildDocumentSchema>, 'view'>, Omit<LagesbildDocument, 'view'>>>();
