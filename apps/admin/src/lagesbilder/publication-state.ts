import type { HistoryEntry } from '@laget/contracts';

/**
 * What the public has of this week, from the lägesbild's history: whether it was ever published
 * (then a new publication is a correction and needs a note) and which publication is live (the
 * one a retraction takes down). The document's status alone cannot say: after an edit it reads
 * "compiled" while the last publication is still on the public site.
 */
export interface PublicationState {
  publishedBefore: boolean;
  /** The number of the publication the public sees now, if any. */
  live: number | null;
}

export function publicationState(entries: readonly HistoryEntry[]): PublicationState {
  const states = new Map<number, 'published' | 'retracted'>();
  for (const entry of [...entries].sort((a, b) => a.position - b.position)) {
    const number = entry.details.publicationNumber;
    if (typeof number !== 'number') continue;
    if (entry.type === 'LagesbildPublished') states.set(number, 'published');
    if (entry.type === 'PublicationRetracted') states.set(number, 'retracted');
  }
  // The public site shows a week while its latest publication is up; a retraction takes the week down (ADR 0009).
  const latest = states.size > 0 ? Math.max(...states.keys()) : null;
  return {
    publishedBefore: states.size > 0,
    live: latest !== null && states.get(latest) === 'published' ? latest : null,
  };
}
