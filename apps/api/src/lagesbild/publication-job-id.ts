import { jobIdFor } from '../platform/jobs/job-queue.js';

/** The kind of the job that publishes an approved lägesbild (publication/publish-lagesbild.job.ts runs it). */
export const PUBLISH_LAGESBILD = 'publish-lagesbild';

/**
 * The id of the job that a `PublicationRequested` event starts. The publish endpoint answers it
 * (`202 {jobId}`) from the event it appended and the publication reactor enqueues it, so both
 * sides derive it here. It lives with the lägesbild, which publication imports anyway (the other
 * way round would make the two features import each other).
 */
export function publicationJobIdFor(publicationRequestedEventId: string): string {
  return jobIdFor(PUBLISH_LAGESBILD, publicationRequestedEventId);
}
