import {
  type Audience,
  defaultLegalGrounds,
  type DocumentSection,
  type OngoingActionSnapshot,
  type SuggestionKind,
} from '@laget/contracts';
import type { PeriodComparison } from './analysis-layout.js';
import type { CompileTiming, EarlyCompile } from './early-compile.js';
import { type CoordinatorTexts, emptyCoordinatorTexts } from './lagesbild-layout.js';
import type { Redaction } from './redaction.js';
import type { SubmittedReportSnapshot } from './submitted-report-snapshot.js';
import type { ScannerOptions } from './suggestion-scanner.js';

/*
 * The lägesbild aggregate's state, commands and events: the types the decider, the views and the
 * approval and masking rules all speak. They live apart from the decider so that those rules can
 * import them without importing the decider that calls them (no import circle).
 */

/** The municipality's rules for this aggregate (configuration, passed in so decide stays pure). */
export interface LagesbildPolicy {
  /** The grounds a redaction may cite; a redaction citing anything else is refused. */
  legalGrounds: readonly string[];
  /** When on, the approver must differ from the last person to edit and the last to redact. */
  fourEyes: boolean;
}

export { defaultLegalGrounds } from '@laget/contracts';

export const defaultLagesbildPolicy: LagesbildPolicy = { legalGrounds: defaultLegalGrounds, fourEyes: false };

export type { Audience } from '@laget/contracts';

export interface Correction {
  what: string;
  why: string;
}

export interface Publication {
  number: number;
  revision: number;
  contentHash: string;
  correction: Correction | null;
  state: 'requested' | 'published' | 'failed' | 'retracted';
  publishedAt: string | null;
  /** Why the job gave up (PublicationFailed), for a later run of the same job to say again. */
  failure?: string;
  /** The approved open map's hash (ApprovedOpenMap); absent where the approval predates it. */
  openMapHash?: string | null;
}

/**
 * The open map an approval saw (docs/adr/0030): the hash of the map counted from the open version
 * with that content hash (`hash` null: no map). Absent on approvals recorded before 4 December
 * 2026, whose publications count the map at publication as before.
 */
export interface ApprovedOpenMap {
  contentHash: string;
  hash: string | null;
}

export interface DismissedSuggestion {
  sectionId: string;
  itemId: string | null;
  field: string;
  start: number;
  end: number;
  kind: SuggestionKind;
  anchorHash: string;
}

export interface TakenReport {
  reportId: string;
  organisationId: string;
  reportVersion: number;
}

export type LagesbildStatus =
  'not_compiled' | 'compiled' | 'approved' | 'publication_requested' | 'published' | 'retracted';

export interface LagesbildState {
  status: LagesbildStatus;
  period: string | null;
  /** Content revision: grows with every compile, edit, take-in and redaction change. */
  revision: number;
  reports: SubmittedReportSnapshot[];
  texts: CoordinatorTexts;
  /** The week's ongoing actions as compiled (issue 19); absent: none. */
  actions?: OngoingActionSnapshot[];
  /** The internal version's sections, laid out again whenever reports or texts change. */
  sections: DocumentSection[];
  redactions: Redaction[];
  audiences: Audience[];
  dismissedSuggestions: DismissedSuggestion[];
  lastEditorId: string | null;
  lastRedactorId: string | null;
  approval: { revision: number; contentHash: string; approvedBy: string; openMapHash?: string | null } | null;
  publications: Publication[];
  /** A period analysis: the previous period's counts it compares with (null for a week). */
  comparison: PeriodComparison | null;
}

// ---- commands ----

export type MaskOrExclude = { kind: 'mask'; start: number; end: number } | { kind: 'exclude' };

export type LagesbildCommand =
  | {
      type: 'CompileLagesbild';
      data: {
        period: string;
        background: string;
        reports: SubmittedReportSnapshot[];
        actorId: string;
        /** The week's ongoing actions (issue 19); absent: none. */
        actions?: OngoingActionSnapshot[];
        /** The deadline and who is missing (early-compile.ts); absent, nothing is checked against a deadline. */
        timing?: CompileTiming;
        /** A period analysis: the previous period's counts per category. */
        comparison?: PeriodComparison;
      };
    }
  | { type: 'EditSection'; data: { sectionId: string; text: string; actorId: string } }
  | { type: 'TakeInReport'; data: { report: SubmittedReportSnapshot; reason: string; actorId: string } }
  | { type: 'DefineAudience'; data: { audience: Audience; actorId: string } }
  | { type: 'RemoveAudience'; data: { name: string; actorId: string } }
  | {
      type: 'ApplyRedaction';
      data: {
        redactionId: string;
        sectionId: string;
        path: string;
        target: MaskOrExclude;
        legalGround: string;
        reason: string;
        suggestionKind?: SuggestionKind;
        actorId: string;
      };
    }
  | { type: 'LiftRedaction'; data: { redactionId: string; reason: string; actorId: string } }
  | { type: 'ReconfirmRedaction'; data: { redactionId: string; start: number; end: number; actorId: string } }
  | {
      type: 'DismissSuggestion';
      data: {
        sectionId: string;
        path: string;
        start: number;
        end: number;
        kind: SuggestionKind;
        reason: string;
        actorId: string;
      };
    }
  | MaskEverywhereCommand
  /** `scanner`: who Läget knows by name and which names are not persons, for the suggestions approval waits for. */
  | {
      type: 'ApproveLagesbild';
      data: {
        actorId: string;
        contentHash?: string;
        scanner?: ScannerOptions;
        openMap?: ApprovedOpenMap;
        /** The map's hash as the approver saw it (the preview's `hash`); 409 when it differs. */
        seenOpenMapHash?: string | null;
      };
    }
  | { type: 'RequestPublication'; data: { actorId: string; correction?: Correction } }
  | {
      type: 'RecordPublication';
      /** `pdfHash`: SHA-256 of the rendered PDF, so the record says exactly which file the public got. */
      data: { publicationNumber: number; contentHash: string; publishedAt: string; pdfHash?: string };
    }
  | {
      type: 'RecordPublicationFailure';
      /** `lapseApproval`: the approval can never be published (its open map is gone): ask for a new one. */
      data: { publicationNumber: number; error: string; lapseApproval?: true };
    }
  | { type: 'RetractPublication'; data: { reason: string; actorId: string } };

// ---- events ----

export type LagesbildEvent =
  | {
      type: 'LagesbildCompiled';
      data: {
        period: string;
        background: string;
        reports: SubmittedReportSnapshot[];
        takenVersions: TakenReport[];
        by: string;
        /** Present when compiled before the reporting deadline (absent on earlier events: no upcaster needed). */
        early?: EarlyCompile;
        /** Present on a period analysis that has a previous period to compare with. */
        comparison?: PeriodComparison;
        /** "Pågående åtgärder" as they stood at compile (absent on earlier events: none). */
        actions?: OngoingActionSnapshot[];
      };
    }
  | { type: 'SectionEdited'; data: { sectionId: string; text: string; by: string } }
  /**
   * No longer written: the command that wrote it was never dispatched (amendments are found on
   * read, ListAmendmentsQuery). Kept, as events are facts, so a stream that holds one still replays.
   */
  | { type: 'AmendedReportFlagged'; data: TakenReport }
  | {
      type: 'ReportTakenIn';
      data: { report: SubmittedReportSnapshot; previousVersion: number | null; reason: string; by: string };
    }
  | { type: 'AudienceDefined'; data: { audience: Audience; by: string } }
  | { type: 'AudienceRemoved'; data: { name: string; by: string } }
  | { type: 'RedactionApplied'; data: { redaction: Redaction; path: string; by: string } }
  | {
      type: 'SuggestionAccepted';
      data: {
        redactionId: string;
        kind: SuggestionKind;
        sectionId: string;
        path: string;
        start: number;
        end: number;
        by: string;
      };
    }
  | { type: 'RedactionLifted'; data: { redactionId: string; reason: string; by: string } }
  | {
      type: 'RedactionReconfirmed';
      data: { redactionId: string; start: number; end: number; anchorHash: string; by: string };
    }
  | { type: 'SuggestionDismissed'; data: DismissedSuggestion & { path: string; reason: string; by: string } }
  | {
      type: 'LagesbildApproved';
      /** `openMapHash` (optional, added 4 December 2026: older approvals have none): the map approved. */
      data: { revision: number; contentHash: string; by: string; openMapHash?: string | null };
    }
  | {
      type: 'PublicationRequested';
      data: {
        publicationNumber: number;
        revision: number;
        contentHash: string;
        correction: Correction | null;
        by: string;
        /** The approval's open map hash, handed to the job (absent where the approval had none). */
        openMapHash?: string | null;
      };
    }
  | {
      type: 'LagesbildPublished';
      /** `pdfHash` is absent only on events recorded before it was added (optional: no upcaster needed). */
      data: { publicationNumber: number; contentHash: string; publishedAt: string; pdfHash?: string };
    }
  | {
      type: 'PublicationFailed';
      /** `approvalLapsed` (optional, absent before 4 December 2026): the approval no longer stands. */
      data: { publicationNumber: number; error: string; approvalLapsed?: true };
    }
  | { type: 'PublicationRetracted'; data: { publicationNumber: number; reason: string; by: string } };

export type LagesbildEventType = LagesbildEvent['type'];

export function initialLagesbildState(): LagesbildState {
  return {
    status: 'not_compiled',
    period: null,
    revision: 0,
    reports: [],
    texts: emptyCoordinatorTexts(''),
    sections: [],
    redactions: [],
    audiences: [],
    dismissedSuggestions: [],
    lastEditorId: null,
    lastRedactorId: null,
    approval: null,
    publications: [],
    comparison: null,
  };
}

export interface MaskEverywhereCommand {
  type: 'MaskEverywhere';
  data: {
    text: string;
    legalGround: string;
    reason: string;
    /** The new redactions are named `<redactionIdPrefix>-<n>` (the caller makes it unique). */
    redactionIdPrefix: string;
    actorId: string;
  };
}
