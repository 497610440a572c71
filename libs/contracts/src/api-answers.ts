/**
 * What the API answers beyond the lägesbild document and the identity/reporting views: the
 * coordinator's redaction list, target groups, history, amendments, jobs, the audit trail and a
 * stalled projection. The API declares its answers with these types and the admin panel compiles
 * against the same ones, so neither keeps a copy of the other's shapes (issue 15).
 */

/** The grounds a redaction may cite until the municipality configures its own (LAGET_LEGAL_GROUNDS). */
export const defaultLegalGrounds: readonly string[] = [
  'OSL 18 kap. 1 §',
  'OSL 26 kap. 1 §',
  'GDPR art. 9',
  'GDPR art. 10',
  'Uppgift om enskild',
];

export type RedactionKind = 'mask' | 'exclude';

/** One redaction as `GET /api/lagesbilder/:id/redactions` lists it (internal: it names what is hidden). */
export interface RedactionOverview {
  id: string;
  kind: RedactionKind;
  sectionId: string;
  /** Where it points now; null when the item it was on is gone. */
  path: string | null;
  start?: number;
  end?: number;
  /** The text the mask covers now (internal only). */
  text?: string;
  legalGround: string;
  reason: string;
  appliedBy: string;
  stale: boolean;
  suggestionKind?: string;
}

/** A target-group internal version: chosen sections for chosen organisations and/or roles. */
export interface Audience {
  /** Used in `?view=audience:<name>`. */
  name: string;
  title: string;
  organisationIds: string[];
  roles: string[];
  sectionIds: string[];
  /** null: every incident; otherwise only these (in the incident section). */
  incidentIds: string[] | null;
}

/** One line of `GET /api/lagesbilder/:id/history`: what happened, who did it, when. */
export interface HistoryEntry {
  position: number;
  at: string;
  actorId: string;
  organisationId: string | null;
  type: string;
  details: Record<string, unknown>;
}

/** A report submitted (again) since it was taken into the lägesbild, waiting for the coordinator. */
export interface Amendment {
  reportId: string;
  organisationId: string;
  takenVersion: number | null;
  submittedVersion: number;
}

/** The answer of a lägesbild change that has nothing else to say: the stream's new version. */
export interface VersionAnswer {
  version: number;
}

/** `POST …/redactions`: one mask or exclusion answers its redaction; "everywhere" every one it made. */
export type RedactAnswer = (RedactionOverview | { redactions: RedactionOverview[] }) & VersionAnswer;

/** `POST …/redactions/:id/reconfirm`. */
export type ReconfirmAnswer = RedactionOverview & VersionAnswer;

/** `POST …/approve`. */
export interface ApproveAnswer extends VersionAnswer {
  revision: number;
  contentHash: string | null;
}

/** `POST …/publish`: the publication job to follow at `GET /api/jobs/:jobId`. */
export interface PublishAnswer extends VersionAnswer {
  jobId: string;
}

export type JobState = 'queued' | 'running' | 'completed' | 'failed';

/** Ids and small flags only: payloads never carry content. */
export type JobPayload = Record<string, string | number | boolean | null>;

/** What `GET /api/jobs/:id` answers. */
export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  /** Attempts started so far. */
  attempts: number;
  result?: unknown;
  error?: string;
}

/** One row of `GET /api/jobs`: the job as `GET /api/jobs/:id` answers it, plus what it was for and when. */
export interface JobSummary extends JobView {
  payload: JobPayload;
  /** When the job entered its current state (for a failed job: when its last attempt failed). */
  updatedAt: string;
}

/** One row of `GET /api/audit`. */
export interface AuditEntry {
  id: string;
  position: number;
  streamId: string;
  streamKind: string;
  type: string;
  actorId: string;
  organisationId: string | null;
  occurredAt: string;
  ip: string | null;
  /** Absent where the reader may not see the content of that stream (an admin reading report events). */
  data?: unknown;
}

/** Where and why a projection stopped: what `/health/ready` and a lagging read's 503 name. */
export interface ProjectionStall {
  projection: string;
  /** The global position of the event it cannot apply. */
  position: number;
  eventType: string;
  eventId: string;
  /** The error's message, cut short; projections never put event contents in their errors. */
  reason: string;
  /** ISO time of the stall. */
  since: string;
}
