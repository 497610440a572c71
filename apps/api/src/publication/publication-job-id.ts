import { jobIdFor } from '../platform/jobs/job-queue.js';

/**
 * The publication job's kind and id, defined here and nowhere else: the publish endpoint
 * (lagesbild) answers `202 {jobId}` from the `PublicationRequested` event it appended, and the
 * publication reactor enqueues the job under the id derived from that same event, so both import
 * them from this file. It imports nothing of either feature, so lagesbild can use it without a cycle.
 */
export const PUBLISH_LAGESBILD = 'publish-lagesbild';

/** The id of the job that a `PublicationRequested` event starts. */
export function publicationJobIdFor(publicationRequestedEventId: string): string {
  return jobIdFor(PUBLISH_LAGESBILD, publicationRequestedEventId);
}
