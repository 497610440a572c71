import type { LagesbildDocument } from '@laget/contracts';
import type { RedactionResult } from './commands/apply-redaction.command.js';
import type { LagesbildResult } from './lagesbild-aggregate.js';
import { internalDocument, redactionOverview, type RedactionOverview } from './lagesbild-views.js';
import { madeBy } from './redaction-commands.js';

/* What the lägesbild endpoints answer, made from a command's result (CONTRACT.md, "lagesbilder"). */

/** The internal version after the change, with the version to send next as If-Match. */
export const documentAnswer = (result: LagesbildResult): LagesbildDocument =>
  internalDocument(result.state, result.version);

export const versionAnswer = (result: LagesbildResult) => ({ version: result.version });

/** One mask or exclusion answers its redaction; "everywhere" answers `{redactions, version}`, every one it made. */
export function redactAnswer(
  result: RedactionResult,
  everywhere: boolean,
): (RedactionOverview | { redactions: RedactionOverview[] }) & { version: number } {
  const made = redactionOverview(result.state).filter(madeBy(result.redactionId));
  if (everywhere) return { redactions: made, version: result.version };
  return { ...(made[0] as RedactionOverview), version: result.version };
}

export function reconfirmAnswer(result: LagesbildResult, redactionId: string) {
  const overview = redactionOverview(result.state).find((redaction) => redaction.id === redactionId);
  return { ...(overview as RedactionOverview), version: result.version };
}

export function approveAnswer({ state, version }: LagesbildResult) {
  return {
    revision: state.approval?.revision ?? state.revision,
    contentHash: state.approval?.contentHash ?? null,
    version,
  };
}
