import type { ApplyRedactionRequest } from '@laget/contracts';
import type { LagesbildCommand } from './lagesbild.decider.js';

/**
 * The command a redaction request asks for: one mask, one exclusion, or a mask on every
 * occurrence of a text (whose redactions are named `<redactionId>-<n>`).
 */
export function redactionCommand(
  request: ApplyRedactionRequest,
  redactionId: string,
  actorId: string,
): LagesbildCommand {
  const { legalGround, reason } = request;
  if ('everywhere' in request) {
    return {
      type: 'MaskEverywhere',
      data: { text: request.text, legalGround, reason, redactionIdPrefix: redactionId, actorId },
    };
  }
  return {
    type: 'ApplyRedaction',
    data: {
      redactionId,
      sectionId: request.sectionId,
      path: request.path,
      target:
        'exclude' in request ? { kind: 'exclude' } : { kind: 'mask', start: request.start, end: request.end },
      legalGround,
      reason,
      ...('suggestionKind' in request && request.suggestionKind
        ? { suggestionKind: request.suggestionKind }
        : {}),
      actorId,
    },
  };
}

/** Whether a redaction was made by the request that used `redactionId`. */
export const madeBy = (redactionId: string) => (candidate: { id: string }) =>
  candidate.id === redactionId || candidate.id.startsWith(`${redactionId}-`);
