import type { JobView } from '@laget/contracts';

/**
 * The one sentence a publication job's state reads as, and the attempt it is on. A job not yet
 * read counts as queued: the request was taken, nothing has run yet. Pure, so "never 'Publicerar …
 * Klar' at once" is tested without a browser.
 */
export function publicationProgress(job: Pick<JobView, 'state' | 'attempts'> | undefined): {
  key: string;
  attempt: number;
  running: boolean;
} {
  const state = job?.state ?? 'queued';
  return {
    key: `laget.lagesbild.publication_progress.${state}`,
    attempt: Math.max(1, job?.attempts ?? 1),
    running: state === 'queued' || state === 'running',
  };
}

/** A refused approval that is the four-eyes rule: its details name the last editor or redactor (lagesbild.decider.ts). */
export function isFourEyesRefusal(caught: unknown): boolean {
  const details = (caught as { body?: { details?: unknown } } | undefined)?.body?.details;
  return (
    typeof details === 'object' &&
    details !== null &&
    ('lastEditorId' in details || 'lastRedactorId' in details)
  );
}
