/**
 * What the rules talk about. Conditions are checked against the actual resource instance, so each
 * subject has an instance shape: the owning module builds it (with `asSubject`) from its read model
 * before asking the ability. A field that a condition names must be present on the instance.
 */
export const SUBJECTS = [
  'Organisation',
  'User',
  'ApiToken',
  'AuditLog',
  'Period',
  'Report',
  'Incident',
  'Lagesbild',
  'Redaction',
  'Publication',
  'Job',
  'Place',
  'Retention',
  'Problem',
  'ProblemAction',
  'Outbox',
  'ActionPlan',
  'Area',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];

export type PeriodStatus = 'open' | 'compiled' | 'published';
export type ReportStatus = 'draft' | 'submitted' | 'amended' | 'withdrawn';
export type LagesbildViewKind = 'draft' | 'internal' | 'open' | 'audience';

export interface OrganisationSubject {
  id: string;
}
export interface UserSubject {
  id: string;
  roles: readonly string[];
  organisationId: string | null;
  /** Whether the municipality requires four eyes on approval (LAGET_FOUR_EYES). */
  fourEyes?: boolean;
}
export interface ApiTokenSubject {
  id: string;
  ownerId: string;
}
export interface AuditLogSubject {
  stream?: string;
}
export interface PeriodSubject {
  id: string;
  status: PeriodStatus;
}
/** A report as the rules see it; `periodStatus` is its period's status, `openedById` who opened it. */
export interface ReportSubject {
  id?: string;
  organisationId: string;
  periodStatus: PeriodStatus;
  status: ReportStatus;
  openedById: string;
}
/** An incident carries its report's facts, so that the same conditions hold. */
export interface IncidentSubject {
  organisationId: string;
  periodStatus: PeriodStatus;
  reportStatus: ReportStatus;
  reportOpenedById: string;
}
/**
 * One view of a lägesbild. `audienceOrganisationIds` / `audienceRoles` name who an audience
 * version is for; `fourEyes` says whether the municipality requires a second approver.
 */
export interface LagesbildSubject {
  id?: string;
  view: LagesbildViewKind;
  status: 'draft' | 'compiled' | 'approved' | 'published' | 'retracted';
  fourEyes?: boolean;
  audienceOrganisationIds?: readonly string[];
  audienceRoles?: readonly string[];
}
export interface RedactionSubject {
  lagesbildId?: string;
}
export interface PublicationSubject {
  published: boolean;
}
export interface JobSubject {
  id?: string;
}
/** A place in the municipality's place register (reporting/place-register.decider.ts). */
export interface PlaceSubject {
  id?: string;
}

/** An area (område) of the map: a named polygon places lie in (map/area-register.decider.ts). */
export interface AreaSubject {
  id?: string;
}

/** Gallring and erasure of personal data (docs/adr/0025): the rules, the runs, the report. */
export interface RetentionSubject {
  id?: string;
}
/** A problem the EST group works on (atgarder/problem.decider.ts). */
export interface ProblemSubject {
  id?: string;
}
/** An action (åtgärd); `organisationId` is its owner organisation, so `ownOrganisation` applies. */
export interface ProblemActionSubject {
  id?: string;
  organisationId: string;
}

/** The e-mails written to the outbox table where no SMTP server is configured. */
export interface OutboxSubject {
  emailId?: string;
}

/** One view of a yearly åtgärdsplan (atgarder/plan). */
export interface ActionPlanSubject {
  view: 'internal' | 'open';
  status: 'none' | 'compiled' | 'approved' | 'published' | 'retracted';
  /** Whether the municipality requires a second approver (a reviewer may then approve). */
  fourEyes?: boolean;
}

export interface SubjectInstances {
  Organisation: OrganisationSubject;
  User: UserSubject;
  ApiToken: ApiTokenSubject;
  AuditLog: AuditLogSubject;
  Period: PeriodSubject;
  Report: ReportSubject;
  Incident: IncidentSubject;
  Lagesbild: LagesbildSubject;
  Redaction: RedactionSubject;
  Publication: PublicationSubject;
  Job: JobSubject;
  Place: PlaceSubject;
  Retention: RetentionSubject;
  Problem: ProblemSubject;
  ProblemAction: ProblemActionSubject;
  Outbox: OutboxSubject;
  ActionPlan: ActionPlanSubject;
  Area: AreaSubject;
}

/** The fields a field rule may name, per subject (used by the docs and the field tests). */
export const SUBJECT_FIELDS = {
  Organisation: ['name', 'kind', 'active'],
  User: ['username', 'displayName', 'email', 'organisationId', 'roles', 'active'],
  Report: ['period', 'organisationId', 'status', 'narrative', 'attendance', 'statistics'],
  Incident: [
    'problem',
    'category',
    'tags',
    'location',
    'placeId',
    'occurredAt',
    'frequency',
    'assessment',
    'comment',
  ],
  ProblemAction: [
    'title',
    'description',
    'ownerOrganisationId',
    'responsibleUserId',
    'startsOn',
    'dueOn',
    'status',
    'public',
    'followUps',
  ],
} as const satisfies Partial<Record<SubjectName, readonly string[]>>;
