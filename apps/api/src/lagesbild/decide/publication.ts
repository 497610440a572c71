import { conflict, DomainError, ruleBroken } from '../../platform/domain/domain-error.js';
import type { LagesbildCommand, LagesbildEvent, LagesbildState } from '../lagesbild-state.js';
import { type CommandOf, invalid, requireCompiled, requireReason } from './guards.js';

/* Publication: handing the approved revision to the job, what the job reports back, retraction. */

/** Hands the approved revision to publication; a republication says what was corrected and why. */
export function decideRequestPublication(
  command: CommandOf<LagesbildCommand, 'RequestPublication'>,
  state: LagesbildState,
): LagesbildEvent[] {
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
        ...(state.approval.openMapHash !== undefined ? { openMapHash: state.approval.openMapHash } : {}),
      },
    },
  ];
}

/** The job published the approved revision (idempotent for a job delivered twice). */
export function decideRecordPublication(
  command: CommandOf<LagesbildCommand, 'RecordPublication'>,
  state: LagesbildState,
): LagesbildEvent[] {
  const { publicationNumber, contentHash, publishedAt, pdfHash } = command.data;
  const publication = state.publications.find((candidate) => candidate.number === publicationNumber);
  if (!publication) throw new DomainError('not_found', `Publication ${publicationNumber} was not requested`);
  // A job delivered twice must be harmless.
  if (publication.state === 'published' && publication.contentHash === contentHash) return [];
  if (publication.state !== 'requested') {
    throw conflict(`Publication ${publicationNumber} is ${publication.state}, not waiting to be published`);
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

/** The job gave up; the approval stands for another try, unless the job says it never can be published. */
export function decideRecordPublicationFailure(
  command: CommandOf<LagesbildCommand, 'RecordPublicationFailure'>,
  state: LagesbildState,
): LagesbildEvent[] {
  const { publicationNumber, error, lapseApproval } = command.data;
  const publication = state.publications.find((candidate) => candidate.number === publicationNumber);
  if (!publication || publication.state !== 'requested') return [];
  return [
    {
      type: 'PublicationFailed',
      data: { publicationNumber, error, ...(lapseApproval ? { approvalLapsed: true as const } : {}) },
    },
  ];
}

/** Withdraws the live publication, with a reason. */
export function decideRetractPublication(
  command: CommandOf<LagesbildCommand, 'RetractPublication'>,
  state: LagesbildState,
): LagesbildEvent[] {
  requireCompiled(state);
  const { reason, actorId } = command.data;
  requireReason(reason);
  const live = [...state.publications].reverse().find((publication) => publication.state === 'published');
  if (!live) throw ruleBroken('Inget är publicerat för veckan / Nothing is published for this week');
  return [{ type: 'PublicationRetracted', data: { publicationNumber: live.number, reason, by: actorId } }];
}
