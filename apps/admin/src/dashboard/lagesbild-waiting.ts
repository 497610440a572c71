import type { LagesbildDocument, PeriodView } from '@laget/contracts';

/**
 * The lägesbild that may have work waiting: the newest compiled week that is not yet published.
 * Periods are ISO weeks, so their ids sort in time order.
 */
export function pickWaitingLagesbild(periods: readonly PeriodView[]): PeriodView | undefined {
  return [...periods].sort((a, b) => b.id.localeCompare(a.id)).find((p) => p.status === 'compiled');
}

/** What stands between a compiled lägesbild and its publication, in the order it must be done. */
export type LagesbildWaiting =
  | { kind: 'stale_redactions'; count: number }
  | { kind: 'awaiting_approval' }
  | { kind: 'awaiting_publication' };

export function lagesbildWaiting(
  document: Pick<LagesbildDocument, 'status'>,
  redactions: ReadonlyArray<{ stale: boolean }> | undefined,
): LagesbildWaiting[] {
  const waiting: LagesbildWaiting[] = [];
  const stale = (redactions ?? []).filter((redaction) => redaction.stale).length;
  // Stale masks block approval (the API's rule), so they come first.
  if (stale > 0) waiting.push({ kind: 'stale_redactions', count: stale });
  if (document.status === 'compiled') waiting.push({ kind: 'awaiting_approval' });
  if (document.status === 'approved') waiting.push({ kind: 'awaiting_publication' });
  return waiting;
}
