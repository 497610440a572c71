import type {
  Audience,
  LagesbildDocument,
  RedactAnswer,
  ReconfirmAnswer,
  RedactionOverview,
  RedactionSuggestion,
} from '@laget/contracts';
import type { LagesbildAnswers, LagesbildChange } from './lagesbild-data.js';

/**
 * What the lägesbild workspace reads, one react-query entry per API answer, and which of them a
 * change makes stale. Pure, so the "refresh only what changed" rule is tested without a browser.
 */
export type WorkspacePart =
  'document' | 'open' | 'redactions' | 'suggestions' | 'amendments' | 'audiences' | 'history';

export const workspaceKey = (id: string, part?: WorkspacePart): readonly string[] =>
  part ? ['lagesbilder', id, 'workspace', part] : ['lagesbilder', id, 'workspace'];

/** The internal version, or the draft where nothing is compiled yet. */
export interface WorkspaceDocument {
  document: LagesbildDocument;
  compiled: boolean;
}

/** What the person may do here (react-admin's canAccess; undefined while it is being asked). */
export interface WorkspaceAccess {
  mayCompile?: boolean;
  mayEdit?: boolean;
  mayRedact?: boolean;
  mayReadRedactions?: boolean;
}

/**
 * The parts a screen load reads besides the document: each only where the person may use it and
 * the week is compiled; the open version only when a tab shows it.
 */
export function partsToLoad(
  access: WorkspaceAccess,
  compiled: boolean,
  showsOpen: boolean,
): Record<Exclude<WorkspacePart, 'document'>, boolean> {
  return {
    open: compiled && showsOpen,
    redactions: compiled && access.mayReadRedactions === true,
    suggestions: compiled && access.mayRedact === true,
    amendments: compiled && access.mayEdit === true,
    audiences: compiled && access.mayEdit === true,
    // The history is what says whether the public has this week, whatever the status reads.
    history: compiled && access.mayReadRedactions === true,
  };
}

/**
 * The parts a change makes stale beyond what its answer says. Content changes (edit, take-in,
 * redactions) move the revision, the open version, masks' staleness and the suggestions; the
 * rest change only the stream version, which the answer carries.
 */
export const staleAfter: Record<LagesbildChange['kind'], readonly WorkspacePart[]> = {
  editSection: ['open', 'redactions', 'suggestions'],
  takeIn: ['open', 'redactions', 'suggestions', 'amendments'],
  redact: ['document', 'open', 'suggestions'],
  lift: ['document', 'open', 'suggestions'],
  reconfirm: ['document', 'open'],
  dismiss: [],
  defineAudience: [],
  removeAudience: [],
  approve: ['document'],
  // The publication job's end refreshes the document and the history (afterPublication).
  publish: [],
  retract: ['document', 'history'],
};

/** The cached parts a change's answer updates in place. */
export interface WorkspaceCache {
  document?: WorkspaceDocument;
  redactions?: RedactionOverview[];
  suggestions?: RedactionSuggestion[];
  audiences?: Audience[];
}

const sameSpot = (a: RedactionSuggestion, b: RedactionSuggestion) =>
  a.sectionId === b.sectionId &&
  a.path === b.path &&
  a.start === b.start &&
  a.end === b.end &&
  a.kind === b.kind;

const withoutVersion = ({ version: _version, ...redaction }: ReconfirmAnswer): RedactionOverview => redaction;

function madeRedactions(answer: RedactAnswer): RedactionOverview[] {
  if ('redactions' in answer) return answer.redactions;
  return [withoutVersion(answer)];
}

/** The cache after a change succeeded: the answer written in, stale parts left to `staleAfter`. */
export function cacheAfter<Kind extends LagesbildChange['kind']>(
  change: Extract<LagesbildChange, { kind: Kind }>,
  answer: LagesbildAnswers[Kind],
  cache: WorkspaceCache,
): WorkspaceCache {
  const next: WorkspaceCache = { ...cache };
  const version = (answer as { version?: unknown }).version;
  if (cache.document && typeof version === 'number') {
    next.document = { ...cache.document, document: { ...cache.document.document, version } };
  }
  const c = change as LagesbildChange;
  switch (c.kind) {
    case 'editSection':
    case 'takeIn':
      // Both answer the internal version as it now reads.
      next.document = { document: answer as LagesbildDocument, compiled: true };
      break;
    case 'redact':
      if (cache.redactions)
        next.redactions = [...cache.redactions, ...madeRedactions(answer as RedactAnswer)];
      break;
    case 'lift':
      if (cache.redactions) next.redactions = cache.redactions.filter((r) => r.id !== c.redactionId);
      break;
    case 'reconfirm': {
      const renewed = withoutVersion(answer as ReconfirmAnswer);
      if (cache.redactions)
        next.redactions = cache.redactions.map((r) => (r.id === renewed.id ? renewed : r));
      break;
    }
    case 'dismiss':
      if (cache.suggestions) next.suggestions = cache.suggestions.filter((s) => !sameSpot(s, c.suggestion));
      break;
    case 'defineAudience': {
      const others = (cache.audiences ?? []).filter((a) => a.name !== c.audience.name);
      if (cache.audiences) next.audiences = [...others, c.audience];
      break;
    }
    case 'removeAudience':
      if (cache.audiences) next.audiences = cache.audiences.filter((a) => a.name !== c.name);
      break;
    default:
      break;
  }
  return next;
}
