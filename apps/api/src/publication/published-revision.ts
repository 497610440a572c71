import type { DocumentSection, LagesbildDocument } from '@laget/contracts';

/**
 * One publication of a week's open version, as the public site shows it. A week published again
 * after a correction has several; the newest is the one the week's address shows.
 */
export interface PublishedRevision {
  period: string;
  /** 1 for the first publication of the week, 2 for its first correction, … */
  publicationNumber: number;
  /** The lägesbild content revision that was approved and published. */
  revision: number;
  publishedAt: Date;
  /** The approved content hash of the open version (LagesbildPublished). */
  contentHash: string;
  /** What a correction changed and why; null on a first publication. */
  correction: { what: string; why: string } | null;
  /** The redacted open view; nothing else is ever rendered on the public site. */
  document: LagesbildDocument;
}

/** Newest publication first, within and across weeks. */
export function newestFirst(a: PublishedRevision, b: PublishedRevision): number {
  return a.period === b.period ? b.publicationNumber - a.publicationNumber : a.period < b.period ? 1 : -1;
}

/** The latest publication of each week, newest week first. */
export function latestPerWeek(revisions: readonly PublishedRevision[]): PublishedRevision[] {
  const latest = new Map<string, PublishedRevision>();
  for (const revision of revisions) {
    const current = latest.get(revision.period);
    if (!current || revision.publicationNumber > current.publicationNumber)
      latest.set(revision.period, revision);
  }
  return [...latest.values()].sort(newestFirst);
}

/**
 * The open document as the public site, its JSON and the PDF show it, built from the stored open
 * sections. `version` is the publication's number: a published document never changes, a
 * correction is the week's next publication.
 */
export function publicDocument(
  period: string,
  publicationNumber: number,
  revision: number,
  sections: DocumentSection[],
): LagesbildDocument {
  return {
    id: period,
    period,
    status: 'published',
    revision,
    version: publicationNumber,
    view: 'open',
    sections,
  };
}
