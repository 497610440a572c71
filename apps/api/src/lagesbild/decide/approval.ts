import { conflict, ruleBroken } from '../../platform/domain/domain-error.js';
import { requireEverySuggestionHandled } from '../approval.js';
import type {
  LagesbildCommand,
  LagesbildEvent,
  LagesbildPolicy,
  LagesbildState,
} from '../lagesbild-state.js';
import { openContentHash } from '../lagesbild-views.js';
import { isStale } from '../redaction-staleness.js';
import { type CommandOf, requireCompiled } from './guards.js';

/* Approval of the open version as it stands (its content hash), under four-eyes when configured. */

/** Approves the open version: no stale masks, every suggestion handled, four-eyes, the hash the approver read. */
export function decideApprove(
  command: CommandOf<LagesbildCommand, 'ApproveLagesbild'>,
  state: LagesbildState,
  policy: LagesbildPolicy,
): LagesbildEvent[] {
  requireCompiled(state);
  const { actorId, contentHash, scanner, openMap, seenOpenMapHash } = command.data;
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
  // The map was counted outside the decider (it needs the areas); it belongs to this approval
  // only if it was counted from the open version being approved.
  if (openMap !== undefined && openMap.contentHash !== hash) {
    throw conflict(
      'Den öppna versionen ändrades medan kartan räknades; godkänn igen / The open version changed while its map was counted; approve again',
      { contentHash: hash },
    );
  }
  // The approver saw the map in the preview; areas redrawn since make it another map.
  if (openMap !== undefined && seenOpenMapHash !== undefined && seenOpenMapHash !== openMap.hash) {
    throw conflict(
      'Kartan har ändrats sedan du såg den (områden eller platser har ändrats); granska den igen / The open map has changed since you saw it; review it again',
      { openMapHash: openMap.hash },
    );
  }
  requireEverySuggestionHandled(state, scanner);
  return [
    {
      type: 'LagesbildApproved',
      data: {
        revision: state.revision,
        contentHash: hash,
        by: actorId,
        ...(openMap !== undefined ? { openMapHash: openMap.hash } : {}),
      },
    },
  ];
}
