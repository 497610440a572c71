import type { RecordedEvent } from '@laget/event-store';
import type { LagesbildEvent } from './lagesbild.decider.js';
import type { HistoryEntry } from '@laget/contracts';

/**
 * One line of a lägesbild's history, as a registrar reads it: what happened, who did it, when,
 * and for a redaction its legal ground and reason. Texts themselves are not repeated here: the
 * history says that Slutsatser was edited, the document says what it reads.
 */
export type { HistoryEntry } from '@laget/contracts';

/** What a read of an internal version records (stream `lagesbildread-<period>`). */
export interface LagesbildViewRead {
  type: 'LagesbildViewRead';
  data: { period: string; view: string; revision: number; version: number };
}

function details(event: LagesbildEvent | LagesbildViewRead): Record<string, unknown> {
  switch (event.type) {
    case 'LagesbildCompiled':
      return {
        takenVersions: event.data.takenVersions,
        ...(event.data.early ? { early: event.data.early } : {}),
      };
    case 'SectionEdited':
      return { sectionId: event.data.sectionId };
    case 'AmendedReportFlagged':
      return { reportId: event.data.reportId, reportVersion: event.data.reportVersion };
    case 'ReportTakenIn':
      return {
        reportId: event.data.report.reportId,
        organisationId: event.data.report.organisationId,
        fromVersion: event.data.previousVersion,
        toVersion: event.data.report.reportVersion,
        reason: event.data.reason,
      };
    case 'AudienceDefined':
      return {
        name: event.data.audience.name,
        organisationIds: event.data.audience.organisationIds,
        roles: event.data.audience.roles,
        sectionIds: event.data.audience.sectionIds,
      };
    case 'AudienceRemoved':
      return { name: event.data.name };
    case 'RedactionApplied': {
      const { redaction, path } = event.data;
      return {
        redactionId: redaction.id,
        kind: redaction.kind,
        sectionId: redaction.target.sectionId,
        path,
        ...(redaction.kind === 'mask' ? { start: redaction.start, end: redaction.end } : {}),
        legalGround: redaction.legalGround,
        reason: redaction.reason,
        ...(redaction.suggestionKind ? { suggestionKind: redaction.suggestionKind } : {}),
      };
    }
    case 'SuggestionAccepted':
      return {
        redactionId: event.data.redactionId,
        kind: event.data.kind,
        sectionId: event.data.sectionId,
        path: event.data.path,
      };
    case 'RedactionLifted':
      return { redactionId: event.data.redactionId, reason: event.data.reason };
    case 'RedactionReconfirmed':
      return { redactionId: event.data.redactionId, start: event.data.start, end: event.data.end };
    case 'SuggestionDismissed':
      return {
        kind: event.data.kind,
        sectionId: event.data.sectionId,
        path: event.data.path,
        reason: event.data.reason,
      };
    case 'LagesbildApproved':
      return { revision: event.data.revision, contentHash: event.data.contentHash };
    case 'PublicationRequested':
      return {
        publicationNumber: event.data.publicationNumber,
        revision: event.data.revision,
        contentHash: event.data.contentHash,
        correction: event.data.correction,
      };
    case 'LagesbildPublished':
      return { publicationNumber: event.data.publicationNumber, publishedAt: event.data.publishedAt };
    case 'PublicationFailed':
      return { publicationNumber: event.data.publicationNumber, error: event.data.error };
    case 'PublicationRetracted':
      return { publicationNumber: event.data.publicationNumber, reason: event.data.reason };
    case 'LagesbildViewRead':
      return { view: event.data.view, revision: event.data.revision, version: event.data.version };
  }
}

/** The lägesbild's own events and the reads of its internal versions, in the order they happened. */
export function lagesbildHistory(events: readonly RecordedEvent[]): HistoryEntry[] {
  return [...events]
    .sort((a, b) => a.globalPosition - b.globalPosition)
    .map((event) => ({
      position: event.globalPosition,
      at: event.metadata.occurredAt,
      actorId: event.metadata.actorId,
      organisationId: event.metadata.organisationId,
      type: event.type,
      details: details(event as unknown as LagesbildEvent | LagesbildViewRead),
    }));
}
