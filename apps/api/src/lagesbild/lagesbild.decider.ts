import type { DocumentSection } from '@laget/contracts';
import { assertNever, type Decider } from '../platform/domain/decider.js';
import { conflict, DomainError, ruleBroken } from '../platform/domain/domain-error.js';
import { sha256 } from './content-hash.js';
import {
  defaultLagesbildPolicy,
  initialLagesbildState,
  type LagesbildCommand,
  type LagesbildEvent,
  type LagesbildPolicy,
  type LagesbildState,
  type Publication,
} from './lagesbild-state.js';
import { earlyCompileOf } from './early-compile.js';
import { emptyCoordinatorTexts, isCoordinatorSectionId, layoutSections } from './lagesbild-layout.js';
import { openContentHash } from './lagesbild-views.js';
import { requireEverySuggestionHandled } from './approval.js';
import { decideMaskEverywhere } from './mask-everywhere.js';
import type { ExclusionRedaction, MaskRedaction, Redaction } from './redaction.js';
import { isStale } from './redaction-staleness.js';
import { fieldValue, resolveRedactionPath } from './redaction-target.js';

export * from './lagesbild-state.js';

// ---- decide ----

const invalid = (message: string, details?: Record<string, unknown>) =>
  new DomainError('invalid', message, details);

function requireCompiled(state: LagesbildState): void {
  if (state.status === 'not_compiled') {
    throw new DomainError(
      'not_found',
      'Lägesbilden är inte sammanställd än / The lägesbild has not been compiled yet; compile it first',
    );
  }
}

/** Content may change in every state but one: while a publication job holds the approved revision. */
function requireEditable(state: LagesbildState): void {
  requireCompiled(state);
  if (state.status === 'publication_requested') {
    throw conflict(
      'En publicering pågår; vänta tills den är klar / A publication is in progress; wait until it has completed or failed',
    );
  }
}

function findSection(state: LagesbildState, sectionId: string): DocumentSection {
  const section = state.sections.find((candidate) => candidate.id === sectionId);
  if (!section) {
    throw invalid(`Okänt avsnitt / Unknown section "${sectionId}"`, {
      sectionId,
      sections: state.sections.map((s) => s.id),
    });
  }
  return section;
}

function requireReason(reason: string, field = 'reason'): void {
  if (reason.trim().length === 0) throw invalid(`Ange en motivering / A ${field} is required`, { field });
}

function checkSpan(value: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > value.length) {
    throw invalid(
      `Markeringen ${start}–${end} ligger utanför texten (0–${value.length}) eller är tom / The span ${start}–${end} is not within the text (0–${value.length}) or is empty`,
      {
        start,
        end,
        length: value.length,
      },
    );
  }
}

export function decideLagesbild(
  command: LagesbildCommand,
  state: LagesbildState,
  policy: LagesbildPolicy = defaultLagesbildPolicy,
): LagesbildEvent[] {
  switch (command.type) {
    case 'CompileLagesbild': {
      const { period, background, reports, actorId, timing } = command.data;
      if (state.status !== 'not_compiled') {
        throw conflict(
          `${state.period ?? period} är redan sammanställd; ta in ändrade rapporter i stället / ${state.period ?? period} is already compiled; take amended reports in instead`,
        );
      }
      if (reports.length === 0)
        throw ruleBroken(
          'Inga rapporter är inskickade för veckan än / Nothing has been submitted for this period yet',
        );
      const organisations = new Set(reports.map((report) => report.organisationId));
      if (organisations.size !== reports.length) {
        throw invalid('Each organisation may contribute one report', { organisationIds: [...organisations] });
      }
      const early = earlyCompileOf(timing, actorId);
      return [
        {
          type: 'LagesbildCompiled',
          data: {
            period,
            background,
            reports: [...reports],
            takenVersions: reports.map(({ reportId, organisationId, reportVersion }) => ({
              reportId,
              organisationId,
              reportVersion,
            })),
            by: actorId,
            ...(early ? { early } : {}),
          },
        },
      ];
    }

    case 'EditSection': {
      requireEditable(state);
      const { sectionId, text, actorId } = command.data;
      if (!state.sections.some((section) => section.id === sectionId)) {
        throw new DomainError('not_found', `Avsnittet finns inte / Section "${sectionId}" was not found`);
      }
      if (!isCoordinatorSectionId(sectionId)) {
        throw new DomainError(
          'forbidden',
          `Avsnittet kommer från en aktörs rapport och redigeras inte här / Section "${sectionId}" comes from a report and is not edited here`,
          {
            sectionId,
          },
        );
      }
      if (state.texts[sectionId] === text) return [];
      return [{ type: 'SectionEdited', data: { sectionId, text, by: actorId } }];
    }

    case 'FlagAmendedReport': {
      requireCompiled(state);
      const taken = state.reports.find((report) => report.reportId === command.data.reportId);
      const alreadyFlagged = state.flaggedAmendments.some(
        (flag) => flag.reportId === command.data.reportId && flag.reportVersion >= command.data.reportVersion,
      );
      if ((taken && taken.reportVersion >= command.data.reportVersion) || alreadyFlagged) return [];
      return [{ type: 'AmendedReportFlagged', data: { ...command.data } }];
    }

    case 'TakeInReport': {
      requireEditable(state);
      const { report, reason, actorId } = command.data;
      const previous = state.reports.find((candidate) => candidate.organisationId === report.organisationId);
      if (previous && previous.reportVersion >= report.reportVersion) {
        throw conflict(
          `Den här versionen är inte nyare än den som redan är med / Version ${report.reportVersion} of this report is not newer than the one taken in`,
          {
            takenVersion: previous.reportVersion,
          },
        );
      }
      return [
        {
          type: 'ReportTakenIn',
          data: { report, previousVersion: previous?.reportVersion ?? null, reason, by: actorId },
        },
      ];
    }

    case 'DefineAudience': {
      requireCompiled(state);
      const { audience, actorId } = command.data;
      const unknown = audience.sectionIds.filter(
        (id) => !state.sections.some((section) => section.id === id),
      );
      if (unknown.length > 0)
        throw invalid(
          'Målgruppen anger avsnitt som inte finns / The audience names sections that do not exist',
          { sectionIds: unknown },
        );
      if (audience.sectionIds.length === 0)
        throw invalid('Välj minst ett avsnitt / Choose at least one section', { field: 'sectionIds' });
      if (audience.organisationIds.length === 0 && audience.roles.length === 0) {
        throw invalid(
          'En målgrupp behöver minst en aktör eller roll / An audience needs at least one organisation or role',
          { field: 'organisationIds' },
        );
      }
      return [{ type: 'AudienceDefined', data: { audience, by: actorId } }];
    }

    case 'RemoveAudience': {
      requireCompiled(state);
      if (!state.audiences.some((audience) => audience.name === command.data.name)) {
        throw new DomainError('not_found', `There is no audience "${command.data.name}"`);
      }
      return [{ type: 'AudienceRemoved', data: { name: command.data.name, by: command.data.actorId } }];
    }

    case 'ApplyRedaction': {
      requireEditable(state);
      const { redactionId, sectionId, path, target, legalGround, reason, suggestionKind, actorId } =
        command.data;
      if (!policy.legalGrounds.includes(legalGround)) {
        throw invalid(
          `"${legalGround}" är inte ett av de valbara lagrummen / "${legalGround}" is not one of the configured legal grounds`,
          {
            field: 'legalGround',
            allowed: policy.legalGrounds,
          },
        );
      }
      requireReason(reason);
      if (state.redactions.some((redaction) => redaction.id === redactionId)) {
        throw conflict(`Redaction ${redactionId} already exists`);
      }
      const section = findSection(state, sectionId);
      const resolved = resolveRedactionPath(section, path);
      const common = { id: redactionId, legalGround, reason, appliedBy: actorId };
      let redaction: Redaction;
      if (target.kind === 'mask') {
        if (resolved.kind !== 'field') {
          throw invalid(
            'Maskering gäller en del av en text; för att utesluta en rad eller ett avsnitt, välj uteslut / A mask covers a span of a text field; to leave out an item or section use exclude',
            {
              path,
            },
          );
        }
        const value = fieldValue(section, resolved.itemId, resolved.field) ?? '';
        checkSpan(value, target.start, target.end);
        const mask: MaskRedaction = {
          ...common,
          kind: 'mask',
          target: resolved,
          start: target.start,
          end: target.end,
          anchorHash: sha256(value),
        };
        if (suggestionKind) mask.suggestionKind = suggestionKind;
        redaction = mask;
      } else {
        if (resolved.kind === 'field') {
          throw invalid(
            'Uteslut gäller en hel rad eller ett helt avsnitt; maskera en del av texten i stället / Exclude leaves out a whole item ("/items/<n>") or section (""); mask a span instead',
            {
              path,
            },
          );
        }
        const duplicate = state.redactions.some(
          (existing) =>
            existing.kind === 'exclude' &&
            existing.target.sectionId === resolved.sectionId &&
            (existing.target.kind === 'section'
              ? resolved.kind === 'section'
              : resolved.kind === 'item' && existing.target.itemId === resolved.itemId),
        );
        if (duplicate)
          throw conflict(
            'Det är redan uteslutet ur den öppna versionen / That is already left out of the open version',
          );
        const exclusion: ExclusionRedaction = { ...common, kind: 'exclude', target: resolved };
        if (suggestionKind) exclusion.suggestionKind = suggestionKind;
        redaction = exclusion;
      }
      const applied: LagesbildEvent = { type: 'RedactionApplied', data: { redaction, path, by: actorId } };
      if (!suggestionKind || target.kind !== 'mask') return [applied];
      return [
        {
          type: 'SuggestionAccepted',
          data: {
            redactionId,
            kind: suggestionKind,
            sectionId,
            path,
            start: target.start,
            end: target.end,
            by: actorId,
          },
        },
        applied,
      ];
    }

    case 'LiftRedaction': {
      requireEditable(state);
      const { redactionId, reason, actorId } = command.data;
      if (!state.redactions.some((redaction) => redaction.id === redactionId)) {
        throw new DomainError('not_found', `Redaction ${redactionId} was not found (or is already lifted)`);
      }
      requireReason(reason);
      return [{ type: 'RedactionLifted', data: { redactionId, reason, by: actorId } }];
    }

    case 'ReconfirmRedaction': {
      requireEditable(state);
      const { redactionId, start, end, actorId } = command.data;
      const redaction = state.redactions.find((candidate) => candidate.id === redactionId);
      if (!redaction) throw new DomainError('not_found', `Redaction ${redactionId} was not found`);
      if (redaction.kind !== 'mask')
        throw invalid('Only masks are anchored to text; exclusions need no re-confirming');
      const section = state.sections.find((candidate) => candidate.id === redaction.target.sectionId);
      const value = section
        ? fieldValue(section, redaction.target.itemId, redaction.target.field)
        : undefined;
      if (value === undefined) {
        throw ruleBroken(
          'Texten som maskerades finns inte längre; häv maskeringen i stället / The text this mask covered is gone; lift the redaction instead',
          { redactionId },
        );
      }
      checkSpan(value, start, end);
      return [
        {
          type: 'RedactionReconfirmed',
          data: { redactionId, start, end, anchorHash: sha256(value), by: actorId },
        },
      ];
    }

    case 'DismissSuggestion': {
      requireCompiled(state);
      const { sectionId, path, start, end, kind, reason, actorId } = command.data;
      const section = findSection(state, sectionId);
      const resolved = resolveRedactionPath(section, path);
      if (resolved.kind !== 'field') throw invalid('A suggestion points at a text field', { path });
      const value = fieldValue(section, resolved.itemId, resolved.field) ?? '';
      checkSpan(value, start, end);
      return [
        {
          type: 'SuggestionDismissed',
          data: {
            sectionId,
            itemId: resolved.itemId,
            field: resolved.field,
            path,
            start,
            end,
            kind,
            anchorHash: sha256(value),
            reason,
            by: actorId,
          },
        },
      ];
    }

    case 'MaskEverywhere':
      return decideMaskEverywhere(command, state, (c, s) => decideLagesbild(c, s, policy), evolveLagesbild);

    case 'ApproveLagesbild': {
      requireCompiled(state);
      const { actorId, contentHash, scanner } = command.data;
      if (state.status === 'approved' || state.status === 'publication_requested') {
        throw conflict('Den här versionen är redan godkänd / This revision is already approved');
      }
      if (state.status === 'published' || state.status === 'retracted') {
        throw conflict(
          'Inget har ändrats sedan publiceringen / Nothing has changed since the last publication; edit or redact to make a correction',
        );
      }
      const stale = state.redactions.filter((redaction) => isStale(state.sections, redaction));
      if (stale.length > 0) {
        throw ruleBroken(
          'Texten under några maskeringar har ändrats; bekräfta dem på nytt eller häv dem före godkännandet / The text under some masks has changed; re-confirm or lift them before approving',
          {
            staleRedactionIds: stale.map((redaction) => redaction.id),
          },
        );
      }
      if (policy.fourEyes && (actorId === state.lastEditorId || actorId === state.lastRedactorId)) {
        throw ruleBroken(
          'Fyraögonsprincipen gäller: någon annan än den som senast redigerade och maskerade ska godkänna / Four-eyes is on: someone other than the last editor and the last redactor must approve',
          {
            lastEditorId: state.lastEditorId,
            lastRedactorId: state.lastRedactorId,
          },
        );
      }
      const hash = openContentHash(state);
      if (contentHash !== undefined && contentHash !== hash) {
        throw conflict(
          'Den öppna versionen har ändrats sedan du läste den; granska den igen / The open version has changed since you read it; review it again',
          {
            contentHash: hash,
          },
        );
      }
      requireEverySuggestionHandled(state, scanner);
      return [
        { type: 'LagesbildApproved', data: { revision: state.revision, contentHash: hash, by: actorId } },
      ];
    }

    case 'RequestPublication': {
      requireCompiled(state);
      const { actorId, correction } = command.data;
      if (state.status !== 'approved' || !state.approval) {
        throw ruleBroken(
          state.status === 'publication_requested'
            ? 'En publicering pågår redan / A publication is already in progress'
            : 'Bara en godkänd öppen version kan publiceras / Only an approved open version can be published; approve it first',
        );
      }
      const publishedBefore = state.publications.some(
        (publication) => publication.state === 'published' || publication.state === 'retracted',
      );
      if (publishedBefore && (!correction || !correction.what.trim() || !correction.why.trim())) {
        throw invalid(
          'Veckan har publicerats förut: ange vad som rättades och varför / This week was published before: say what was corrected and why',
          {
            field: 'correction',
          },
        );
      }
      return [
        {
          type: 'PublicationRequested',
          data: {
            publicationNumber: state.publications.length + 1,
            revision: state.approval.revision,
            contentHash: state.approval.contentHash,
            correction: publishedBefore && correction ? correction : null,
            by: actorId,
          },
        },
      ];
    }

    case 'RecordPublication': {
      const { publicationNumber, contentHash, publishedAt, pdfHash } = command.data;
      const publication = state.publications.find((candidate) => candidate.number === publicationNumber);
      if (!publication)
        throw new DomainError('not_found', `Publication ${publicationNumber} was not requested`);
      // A job delivered twice must be harmless.
      if (publication.state === 'published' && publication.contentHash === contentHash) return [];
      if (publication.state !== 'requested') {
        throw conflict(
          `Publication ${publicationNumber} is ${publication.state}, not waiting to be published`,
        );
      }
      if (publication.contentHash !== contentHash) {
        throw conflict('The published content is not the approved revision', {
          approved: publication.contentHash,
          published: contentHash,
        });
      }
      return [
        {
          type: 'LagesbildPublished',
          data: { publicationNumber, contentHash, publishedAt, ...(pdfHash ? { pdfHash } : {}) },
        },
      ];
    }

    case 'RecordPublicationFailure': {
      const { publicationNumber, error } = command.data;
      const publication = state.publications.find((candidate) => candidate.number === publicationNumber);
      if (!publication || publication.state !== 'requested') return [];
      return [{ type: 'PublicationFailed', data: { publicationNumber, error } }];
    }

    case 'RetractPublication': {
      requireCompiled(state);
      const { reason, actorId } = command.data;
      requireReason(reason);
      const live = [...state.publications].reverse().find((publication) => publication.state === 'published');
      if (!live) throw ruleBroken('Inget är publicerat för veckan / Nothing is published for this week');
      return [
        { type: 'PublicationRetracted', data: { publicationNumber: live.number, reason, by: actorId } },
      ];
    }

    default:
      return assertNever(command);
  }
}

// ---- evolve ----

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
      return {
        ...contentChanged(state, {}),
        period: event.data.period,
        reports,
        texts,
        sections: layoutSections(reports, texts),
        lastEditorId: event.data.by,
      };
    }
    case 'SectionEdited': {
      if (!isCoordinatorSectionId(event.data.sectionId)) return state;
      const texts = { ...state.texts, [event.data.sectionId]: event.data.text };
      return contentChanged(state, {
        texts,
        sections: layoutSections(state.reports, texts),
        lastEditorId: event.data.by,
      });
    }
    case 'AmendedReportFlagged':
      return {
        ...state,
        flaggedAmendments: [
          ...state.flaggedAmendments.filter((flag) => flag.reportId !== event.data.reportId),
          event.data,
        ],
      };
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
        sections: layoutSections(reports, state.texts),
        flaggedAmendments: state.flaggedAmendments.filter(
          (flag) => !(flag.reportId === report.reportId && flag.reportVersion <= report.reportVersion),
        ),
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
        status: state.status === 'publication_requested' ? 'approved' : state.status,
        publications: withPublication(state, event.data.publicationNumber, (publication) => ({
          ...publication,
          state: 'failed',
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

/** The decider with a municipality's policy bound in, for the CommandRunner. */
export function lagesbildDecider(
  policy: LagesbildPolicy = defaultLagesbildPolicy,
): Decider<LagesbildState, LagesbildCommand, LagesbildEvent> {
  return {
    initialState: initialLagesbildState,
    decide: (command, state) => decideLagesbild(command, state, policy),
    evolve: evolveLagesbild,
  };
}

/** The stream that holds one week's lägesbild; its id is the period. */
export function lagesbildStreamId(period: string): string {
  return `lagesbild-${period}`;
}
