import { assertNever } from '../platform/domain/decider.js';
import { layoutFor } from './analysis-layout.js';
import { emptyCoordinatorTexts, isCoordinatorSectionId } from './lagesbild-layout.js';
import type { LagesbildEvent, LagesbildState, Publication } from './lagesbild-state.js';

/*
 * How each lägesbild event changes the state. Events are facts already recorded: evolve never
 * refuses, and an event it cannot apply (a section edited that is no longer a coordinator's)
 * leaves the state as it was.
 */

/** A change to what the open version would show: a new revision, and any approval lapses. */
function contentChanged(state: LagesbildState, changes: Partial<LagesbildState>): LagesbildState {
  return { ...state, ...changes, revision: state.revision + 1, status: 'compiled', approval: null };
}

function withPublication(
  state: LagesbildState,
  number: number,
  change: (publication: Publication) => Publication,
): Publication[] {
  return state.publications.map((publication) =>
    publication.number === number ? change(publication) : publication,
  );
}

export function evolveLagesbild(state: LagesbildState, event: LagesbildEvent): LagesbildState {
  switch (event.type) {
    case 'LagesbildCompiled': {
      const texts = emptyCoordinatorTexts(event.data.background);
      const reports = event.data.reports;
      const comparison = event.data.comparison ?? null;
      const actions = event.data.actions ?? [];
      return {
        ...contentChanged(state, {}),
        period: event.data.period,
        reports,
        texts,
        comparison,
        ...(actions.length > 0 ? { actions } : {}),
        sections: layoutFor(event.data.period, reports, texts, comparison, actions),
        lastEditorId: event.data.by,
      };
    }
    case 'SectionEdited': {
      if (!isCoordinatorSectionId(event.data.sectionId)) return state;
      const texts = { ...state.texts, [event.data.sectionId]: event.data.text };
      return contentChanged(state, {
        texts,
        sections: layoutFor(state.period ?? '', state.reports, texts, state.comparison, state.actions),
        lastEditorId: event.data.by,
      });
    }
    case 'AmendedReportFlagged':
      // A note from before amendments were found on read; the lägesbild itself never depended on it.
      return state;
    case 'ReportTakenIn': {
      const { report } = event.data;
      const index = state.reports.findIndex(
        (candidate) => candidate.organisationId === report.organisationId,
      );
      const reports =
        index >= 0
          ? state.reports.map((candidate, i) => (i === index ? report : candidate))
          : [...state.reports, report];
      return contentChanged(state, {
        reports,
        sections: layoutFor(state.period ?? '', reports, state.texts, state.comparison, state.actions),
        lastEditorId: event.data.by,
      });
    }
    case 'AudienceDefined':
      return {
        ...state,
        audiences: [
          ...state.audiences.filter((audience) => audience.name !== event.data.audience.name),
          event.data.audience,
        ],
      };
    case 'AudienceRemoved':
      return { ...state, audiences: state.audiences.filter((audience) => audience.name !== event.data.name) };
    case 'RedactionApplied':
      return contentChanged(state, {
        redactions: [...state.redactions, event.data.redaction],
        lastRedactorId: event.data.by,
      });
    case 'SuggestionAccepted':
      return state;
    case 'RedactionLifted':
      return contentChanged(state, {
        redactions: state.redactions.filter((redaction) => redaction.id !== event.data.redactionId),
        lastRedactorId: event.data.by,
      });
    case 'RedactionReconfirmed': {
      const { redactionId, start, end, anchorHash, by } = event.data;
      return contentChanged(state, {
        redactions: state.redactions.map((redaction) =>
          redaction.id === redactionId && redaction.kind === 'mask'
            ? { ...redaction, start, end, anchorHash }
            : redaction,
        ),
        lastRedactorId: by,
      });
    }
    case 'SuggestionDismissed': {
      const { sectionId, itemId, field, start, end, kind, anchorHash } = event.data;
      return {
        ...state,
        dismissedSuggestions: [
          ...state.dismissedSuggestions,
          { sectionId, itemId, field, start, end, kind, anchorHash },
        ],
      };
    }
    case 'LagesbildApproved':
      return {
        ...state,
        status: 'approved',
        approval: {
          revision: event.data.revision,
          contentHash: event.data.contentHash,
          approvedBy: event.data.by,
          ...(event.data.openMapHash !== undefined ? { openMapHash: event.data.openMapHash } : {}),
        },
      };
    case 'PublicationRequested':
      return {
        ...state,
        status: 'publication_requested',
        publications: [
          ...state.publications,
          {
            number: event.data.publicationNumber,
            revision: event.data.revision,
            contentHash: event.data.contentHash,
            correction: event.data.correction,
            state: 'requested',
            publishedAt: null,
            ...(event.data.openMapHash !== undefined ? { openMapHash: event.data.openMapHash } : {}),
          },
        ],
      };
    case 'LagesbildPublished':
      return {
        ...state,
        status: state.status === 'publication_requested' ? 'published' : state.status,
        publications: withPublication(state, event.data.publicationNumber, (publication) => ({
          ...publication,
          state: 'published',
          publishedAt: event.data.publishedAt,
        })),
      };
    case 'PublicationFailed':
      return {
        ...state,
        // Usually the approval stands for another try; one the job could never publish lapses.
        ...(event.data.approvalLapsed && state.status === 'publication_requested'
          ? { status: 'compiled' as const, approval: null }
          : { status: state.status === 'publication_requested' ? 'approved' : state.status }),
        publications: withPublication(state, event.data.publicationNumber, (publication) => ({
          ...publication,
          state: 'failed',
          failure: event.data.error,
        })),
      };
    case 'PublicationRetracted':
      return {
        ...state,
        status: state.status === 'published' ? 'retracted' : state.status,
        publications: withPublication(state, event.data.publicationNumber, (publication) => ({
          ...publication,
          state: 'retracted',
        })),
      };
    default:
      return assertNever(event);
  }
}
