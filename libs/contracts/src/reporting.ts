import { z } from 'zod';
import { freeText } from './free-text.js';
import type { IncidentScope } from './lagesbild-document.js';

/**
 * Weekly reporting: request schemas and response shapes shared by the API and the admin panel
 * (CONTRACT.md: periods, reports, incidents). Messages are Swedish first, then English, and
 * name the field; unknown fields are refused; text is the one free-text type (free-text.ts).
 */

/** Room for a long narrative or comment without letting one request fill the database. */
export const MAX_TEXT_LENGTH = 4000;
export const MAX_INCIDENTS_PER_REPORT = 200;
export const MAX_NAME_LENGTH = 200;
export const MAX_STATISTIC_ROWS = 100;
export const MAX_COUNT = 1_000_000;

export const INCIDENT_SCOPES = ['E', 'A', 'EA'] as const satisfies readonly IncidentScope[];

export const SEVERITY_LABELS: Record<1 | 2 | 3 | 4 | 5, { sv: string; en: string }> = {
  1: { sv: 'Obetydligt', en: 'Negligible' },
  2: { sv: 'Lindrigt', en: 'Minor' },
  3: { sv: 'Måttligt', en: 'Moderate' },
  4: { sv: 'Allvarligt', en: 'Serious' },
  5: { sv: 'Mycket allvarligt', en: 'Very serious' },
};

export const SCOPE_LABELS: Record<IncidentScope, { sv: string; en: string }> = {
  E: { sv: 'Egen verksamhet', en: 'Own activity' },
  A: { sv: 'Andra', en: 'Others' },
  EA: { sv: 'Egen verksamhet och andra', en: 'Own activity and others' },
};

/** "Deltar inte på mötet" and "Inget att rapportera" are real answers that count as reported. */
export const ATTENDANCES = ['reporting', 'not_attending', 'nothing_to_report'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const ATTENDANCE_LABELS: Record<Attendance, { sv: string; en: string }> = {
  reporting: { sv: 'Rapporterar', en: 'Reporting' },
  not_attending: { sv: 'Deltar inte på mötet', en: 'Not attending' },
  nothing_to_report: { sv: 'Inget att rapportera', en: 'Nothing to report' },
};

export interface CrimeCategory {
  key: string;
  label: string;
}

/** The police statistics categories by default; they cover the seed's paragraph. Configurable per municipality. */
export const DEFAULT_CRIME_CATEGORIES: readonly CrimeCategory[] = [
  { key: 'bedrageri', label: 'Bedrägeri' },
  { key: 'forsok_till_bedrageri', label: 'Försök till bedrägeri' },
  { key: 'grov_stold', label: 'Grov stöld' },
  { key: 'stold', label: 'Stöld' },
  { key: 'skadegorelse', label: 'Skadegörelse' },
  { key: 'misshandel', label: 'Misshandel' },
  { key: 'grov_fridskrankning', label: 'Grov fridskränkning' },
  { key: 'barnfridsbrott', label: 'Barnfridsbrott' },
  { key: 'sexualbrott', label: 'Sexualbrott' },
  { key: 'narkotikabrott', label: 'Narkotikabrott' },
  { key: 'viltolycka', label: 'Viltolycka' },
  { key: 'forlust_av_egendom', label: 'Förlust av egendom' },
  { key: 'other', label: 'Övrigt' },
];

/** One category an incident is filed under (issue 18): an ASCII key and a Swedish label. */
export type IncidentCategory = CrimeCategory;

/** The category old incidents, filed before categories existed, are read with (an upcaster sets it). */
export const UNCATEGORISED = 'okategoriserad';
export const UNCATEGORISED_LABEL = 'Okategoriserad';

/** The incident categories by default; configurable per municipality (`LAGET_INCIDENT_CATEGORIES`). */
export const DEFAULT_INCIDENT_CATEGORIES: readonly IncidentCategory[] = [
  { key: 'skadegorelse', label: 'Skadegörelse' },
  { key: 'klotter', label: 'Klotter' },
  { key: 'nedskrapning', label: 'Nedskräpning' },
  { key: 'narkotika', label: 'Narkotika' },
  { key: 'alkohol', label: 'Alkohol' },
  { key: 'vald', label: 'Våld' },
  { key: 'hot', label: 'Hot' },
  { key: 'stold-inbrott', label: 'Stöld/inbrott' },
  { key: 'bedrageri', label: 'Bedrägeri' },
  { key: 'buskorning-trafik', label: 'Buskörning/trafik' },
  { key: 'ungdomar-i-grupp', label: 'Ungdomar i grupp' },
  { key: 'otrygg-plats', label: 'Otrygg plats' },
  { key: 'psykisk-ohalsa-missbruk', label: 'Psykisk ohälsa/missbruk' },
  { key: 'brand', label: 'Brand' },
  { key: 'ovrigt', label: 'Övrigt' },
];

/** At most this many free tags on one incident, each at most MAX_TAG_LENGTH characters. */
export const MAX_INCIDENT_TAGS = 10;
export const MAX_TAG_LENGTH = 40;

export const PLACE_KINDS = [
  'school',
  'sports_facility',
  'youth_centre',
  'park',
  'square',
  'street',
  'shop',
  'residential',
  'public_transport',
  'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

interface FieldName {
  sv: string;
  en: string;
}

const say = (field: FieldName, sv: string, en: string) => `${field.sv}: ${sv} / ${field.en}: ${en}`;

/** A free-text field: the one text type of `free-text.ts`, its messages naming the field. */
function text(field: FieldName, { max = MAX_TEXT_LENGTH, min = 0 }: { max?: number; min?: number } = {}) {
  return freeText((sv, en) => say(field, sv, en), { max, min });
}

function count(field: FieldName) {
  return z
    .number({ error: say(field, 'måste vara ett heltal', 'must be a whole number') })
    .int({ error: say(field, 'måste vara ett heltal', 'must be a whole number') })
    .min(0, { error: say(field, 'får inte vara negativt', 'must not be negative') })
    .max(MAX_COUNT, { error: say(field, 'är orimligt stort', 'is too large') });
}

function object<Shape extends z.core.$ZodLooseShape>(field: FieldName, shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? say(field, `okända fält ${issue.keys.join(', ')}`, `unknown fields ${issue.keys.join(', ')}`)
        : say(field, 'måste vara ett objekt', 'must be an object'),
  });
}

const body: FieldName = { sv: 'Begäran', en: 'Request body' };

const periodField = z
  .string({ error: say({ sv: 'Period', en: 'Period' }, 'måste vara text', 'must be text') })
  .regex(/^\d{4}-W\d{2}$/, {
    error: say(
      { sv: 'Period', en: 'Period' },
      'ska vara en ISO-vecka som 2024-W48',
      'must be an ISO week like 2024-W48',
    ),
  });

const idField = (field: FieldName) =>
  text(field, { max: 100, min: 1 }).regex(/^[A-Za-z0-9_.:-]+$/, {
    error: say(field, 'är ingen giltig identitet', 'is not a valid id'),
  });

const expectedVersion = z
  .number({
    error: say({ sv: 'Version', en: 'expectedVersion' }, 'måste vara ett heltal', 'must be a whole number'),
  })
  .int()
  .min(0)
  .optional();

export const openReportRequestSchema = object(body, {
  period: periodField,
  organisationId: idField({ sv: 'Organisation', en: 'organisationId' }),
});
export type OpenReportRequest = z.output<typeof openReportRequestSchema>;

const assessmentSchema = object(
  { sv: 'Bedömning', en: 'assessment' },
  {
    severity: z
      .number({ error: say({ sv: 'Allvarlighetsgrad', en: 'severity' }, 'måste vara 1–5', 'must be 1–5') })
      .int({ error: say({ sv: 'Allvarlighetsgrad', en: 'severity' }, 'måste vara 1–5', 'must be 1–5') })
      .min(1, { error: say({ sv: 'Allvarlighetsgrad', en: 'severity' }, 'måste vara 1–5', 'must be 1–5') })
      .max(5, { error: say({ sv: 'Allvarlighetsgrad', en: 'severity' }, 'måste vara 1–5', 'must be 1–5') }),
    scope: z.enum(INCIDENT_SCOPES, {
      error: say({ sv: 'Berör', en: 'scope' }, 'ska vara E, A eller EA', 'must be E, A or EA'),
    }),
  },
);

const categoryName: FieldName = { sv: 'Kategori', en: 'category' };
/** The shape of a category key; whether it is one of the municipality's is the domain's rule. */
const categoryField = z
  .string({ error: say(categoryName, 'måste väljas', 'is required') })
  .min(1, { error: say(categoryName, 'måste väljas', 'is required') })
  .max(60, { error: say(categoryName, 'är ingen känd kategori', 'is not a known category') })
  .regex(/^[a-z0-9][a-z0-9_-]*$/, {
    error: say(categoryName, 'är ingen känd kategori', 'is not a known category'),
  });

const tagsName: FieldName = { sv: 'Taggar', en: 'tags' };
const tagsField = z
  .array(text(tagsName, { max: MAX_TAG_LENGTH, min: 1 }), {
    error: say(tagsName, 'måste vara en lista', 'must be a list'),
  })
  .max(MAX_INCIDENT_TAGS, {
    error: say(tagsName, `högst ${MAX_INCIDENT_TAGS} stycken`, `at most ${MAX_INCIDENT_TAGS}`),
  });

const incidentFields = {
  problem: text({ sv: 'Problematik', en: 'problem' }, { min: 1 }),
  category: categoryField,
  tags: tagsField,
  location: text({ sv: 'Plats', en: 'location' }),
  placeId: idField({ sv: 'Plats i registret', en: 'placeId' }).nullable().optional(),
  occurredAt: text({ sv: 'Tidpunkt', en: 'occurredAt' }, { max: MAX_NAME_LENGTH }),
  frequency: text({ sv: 'Frekvens', en: 'frequency' }, { max: MAX_NAME_LENGTH }),
  assessment: assessmentSchema,
  comment: text({ sv: 'Kommentar', en: 'comment' }),
};

export const addIncidentRequestSchema = object(body, {
  ...incidentFields,
  location: incidentFields.location.default(''),
  occurredAt: incidentFields.occurredAt.default(''),
  frequency: incidentFields.frequency.default(''),
  comment: incidentFields.comment.default(''),
  tags: incidentFields.tags.optional(),
  expectedVersion,
});
export type AddIncidentRequest = z.output<typeof addIncidentRequestSchema>;

export const editIncidentRequestSchema = object(body, {
  problem: incidentFields.problem.optional(),
  category: incidentFields.category.optional(),
  tags: incidentFields.tags.optional(),
  location: incidentFields.location.optional(),
  placeId: incidentFields.placeId,
  occurredAt: incidentFields.occurredAt.optional(),
  frequency: incidentFields.frequency.optional(),
  assessment: object(
    { sv: 'Bedömning', en: 'assessment' },
    { severity: assessmentSchema.shape.severity.optional(), scope: assessmentSchema.shape.scope.optional() },
  ).optional(),
  comment: incidentFields.comment.optional(),
  expectedVersion,
});
export type EditIncidentRequest = z.output<typeof editIncidentRequestSchema>;

/** At most this many organisations in one reminder request: more than any municipality has actors. */
export const MAX_REMINDER_ORGANISATIONS = 200;

const reminderOrganisations: FieldName = { sv: 'Organisationer', en: 'organisationIds' };

/**
 * `POST /api/periods/:period/reminders`: remind now. Without `organisationIds`, every organisation
 * that has not reported for the week; with them, those of them that have not (no id twice).
 */
export const requestRemindersRequestSchema = object(body, {
  organisationIds: z
    .array(idField({ sv: 'Organisation', en: 'organisationIds' }), {
      error: say(reminderOrganisations, 'måste vara en lista', 'must be a list'),
    })
    .min(1, { error: say(reminderOrganisations, 'får inte vara tom', 'must not be empty') })
    .max(MAX_REMINDER_ORGANISATIONS, {
      error: say(
        reminderOrganisations,
        `högst ${MAX_REMINDER_ORGANISATIONS} stycken`,
        `at most ${MAX_REMINDER_ORGANISATIONS}`,
      ),
    })
    .refine((ids) => new Set(ids).size === ids.length, {
      error: say(reminderOrganisations, 'samma organisation två gånger', 'the same organisation twice'),
    })
    .optional(),
}).meta({ id: 'RequestRemindersRequest' });
export type RequestRemindersRequest = z.output<typeof requestRemindersRequestSchema>;

const statisticRowSchema = object(
  { sv: 'Statistikrad', en: 'statistics row' },
  {
    category: text({ sv: 'Brottskategori', en: 'category' }, { max: 60, min: 1 }),
    count: count({ sv: 'Antal', en: 'count' }),
    note: text({ sv: 'Anmärkning', en: 'note' }, { max: 500 }).optional(),
  },
);

export const policeStatisticsSchema = object(
  { sv: 'Polisens statistik', en: 'statistics' },
  {
    handelserapporter: count({ sv: 'Händelserapporter', en: 'handelserapporter' }),
    arenden: count({ sv: 'Ärenden', en: 'arenden' }),
    brott: count({ sv: 'Brott', en: 'brott' }),
    note: text({ sv: 'Anmärkning', en: 'note' }).optional(),
    categories: z
      .array(statisticRowSchema, {
        error: say({ sv: 'Brottskategorier', en: 'categories' }, 'måste vara en lista', 'must be a list'),
      })
      .max(MAX_STATISTIC_ROWS, {
        error: say(
          { sv: 'Brottskategorier', en: 'categories' },
          `högst ${MAX_STATISTIC_ROWS} rader`,
          `at most ${MAX_STATISTIC_ROWS} rows`,
        ),
      })
      .default([]),
  },
);
export type PoliceStatistics = z.output<typeof policeStatisticsSchema>;

export const editReportRequestSchema = object(body, {
  narrative: text({ sv: 'Rapporttext', en: 'narrative' }).optional(),
  attendance: z
    .enum(ATTENDANCES, {
      error: say(
        { sv: 'Deltagande', en: 'attendance' },
        'ska vara reporting, not_attending eller nothing_to_report',
        'must be reporting, not_attending or nothing_to_report',
      ),
    })
    .optional(),
  statistics: policeStatisticsSchema.nullable().optional(),
  expectedVersion,
});
export type EditReportRequest = z.output<typeof editReportRequestSchema>;

/** Submit, withdraw and similar actions take at most a version and a reason. */
export const submitReportRequestSchema = object(body, { expectedVersion });
export const withdrawReportRequestSchema = object(body, {
  reason: text({ sv: 'Motivering', en: 'reason' }, { max: 1000 }).optional(),
  expectedVersion,
});
export const withdrawIncidentRequestSchema = withdrawReportRequestSchema;
export const reopenReportRequestSchema = object(body, {
  reason: text({ sv: 'Motivering', en: 'reason' }, { max: 1000, min: 1 }),
  expectedVersion,
});

const coordinatesSchema = object(
  { sv: 'Koordinater', en: 'coordinates' },
  {
    lat: z
      .number({ error: say({ sv: 'Latitud', en: 'lat' }, 'måste vara ett tal', 'must be a number') })
      .min(-90, {
        error: say({ sv: 'Latitud', en: 'lat' }, 'ska vara mellan -90 och 90', 'must be between -90 and 90'),
      })
      .max(90, {
        error: say({ sv: 'Latitud', en: 'lat' }, 'ska vara mellan -90 och 90', 'must be between -90 and 90'),
      }),
    lon: z
      .number({ error: say({ sv: 'Longitud', en: 'lon' }, 'måste vara ett tal', 'must be a number') })
      .min(-180, {
        error: say(
          { sv: 'Longitud', en: 'lon' },
          'ska vara mellan -180 och 180',
          'must be between -180 and 180',
        ),
      })
      .max(180, {
        error: say(
          { sv: 'Longitud', en: 'lon' },
          'ska vara mellan -180 och 180',
          'must be between -180 and 180',
        ),
      }),
  },
);

const placeKind = z.enum(PLACE_KINDS, {
  error: say(
    { sv: 'Typ av plats', en: 'kind' },
    `ska vara en av ${PLACE_KINDS.join(', ')}`,
    `must be one of ${PLACE_KINDS.join(', ')}`,
  ),
});

export const registerPlaceRequestSchema = object(body, {
  name: text({ sv: 'Namn', en: 'name' }, { max: MAX_NAME_LENGTH, min: 1 }),
  kind: placeKind,
  coordinates: coordinatesSchema.nullable().optional(),
});
export type RegisterPlaceRequest = z.output<typeof registerPlaceRequestSchema>;

export const editPlaceRequestSchema = object(body, {
  name: text({ sv: 'Namn', en: 'name' }, { max: MAX_NAME_LENGTH, min: 1 }).optional(),
  kind: placeKind.optional(),
  coordinates: coordinatesSchema.nullable().optional(),
  expectedVersion,
});
export type EditPlaceRequest = z.output<typeof editPlaceRequestSchema>;

// ---- Responses -------------------------------------------------------------------------------

export type ReportStatus = 'draft' | 'submitted' | 'amended' | 'withdrawn';

export type ParsedOccurrenceView =
  { kind: 'date'; on: string; time?: string } | { kind: 'range'; from: string; to: string };

export interface IncidentView {
  id: string;
  problem: string;
  location: string;
  placeId: string | null;
  /** What the reporter wrote. */
  occurredAt: string;
  /** A date or range where `occurredAt` parses. */
  occurredAtParsed: ParsedOccurrenceView | null;
  frequency: string;
  assessment: { severity: number; scope: IncidentScope };
  comment: string;
  /** A key of the incident categories, or `okategoriserad` on incidents filed before them. */
  category: string;
  tags: string[];
}

export interface ReportView {
  id: string;
  period: string;
  organisationId: string;
  status: ReportStatus;
  attendance: Attendance;
  narrative: string;
  statistics: PoliceStatistics | null;
  incidents: IncidentView[];
  /** Times submitted, including re-submissions of amendments. */
  submissions: number;
  submittedAt: string | null;
  /** True while the period is compiled and the coordinator has not reopened this report. */
  locked: boolean;
  version: number;
}

/**
 * Where one organisation stands for one period: `on_time` and `late` have submitted (any answer,
 * "nothing to report" and "not attending" included), `pending` has not yet and the deadline has
 * not passed, `missing` has not and it has.
 */
export type ComplianceState = 'on_time' | 'late' | 'pending' | 'missing';

export interface ComplianceEntry {
  organisationId: string;
  organisationName: string;
  state: ComplianceState;
  reportId: string | null;
  reportStatus: ReportStatus | null;
  /** The submission that counts: the first one since the report was last withdrawn. */
  submittedAt: string | null;
  /**
   * The organisation's record for the 12 weeks up to and including this one, oldest first; weeks
   * whose deadline passed before it was registered (and that it filed nothing for) are left out,
   * as the organisation is left out of those weeks' compliance.
   */
  record: { period: string; state: ComplianceState }[];
}

export interface PeriodView {
  id: string;
  startsOn: string;
  endsOn: string;
  meetingOn: string;
  monthlyMeeting: boolean;
  status: 'open' | 'compiled' | 'published';
  reportingDeadline: string;
  /**
   * True when the week was compiled before its reporting deadline and that deadline has not
   * passed: organisations that had not reported may still file until then, and the coordinator
   * takes their report in. After it, the week is compiled for them as for everyone (false).
   */
  compiledEarly?: boolean;
  /** In the list: organisations that have reported for the week (on time or late). */
  reported?: number;
  /** In the list: organisations expected to report for the week (registered by its deadline, or that filed). */
  expected?: number;
  compliance?: ComplianceEntry[];
}

export interface PlaceView {
  id: string;
  name: string;
  kind: PlaceKind;
  coordinates: { lat: number; lon: number } | null;
  retired: boolean;
  version: number;
  /** The area (område) the place lies in, where the map feature has areas (issue 20). */
  areaId?: string | null;
  areaName?: string | null;
}
