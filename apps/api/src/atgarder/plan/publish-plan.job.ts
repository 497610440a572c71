import type { CommandRunner } from '../../platform/commands/command-runner.js';
import { systemContext } from '../../platform/commands/request-context.js';
import { jobIdFor, type JobProcessor } from '../../platform/jobs/job-queue.js';
import type { Reactor } from '../../platform/jobs/reactor.js';
import { planDecider, type PlanEvent, planStreamId } from './plan.decider.js';

/** The job that publishes a requested åtgärdsplan (as `publish-lagesbild` does a week). */
export const PUBLISH_PLAN = 'publish-atgardsplan';

/** The id the coordinator is answered with (`202 {jobId}`) and the reactor enqueues under. */
export const planPublicationJobId = (requestedEventId: string) => jobIdFor(PUBLISH_PLAN, requestedEventId);

/** Every AtgardsplanPublicationRequested asks for one job, its id derived from the event's id. */
export function planPublicationReactor(): Reactor<PlanEvent> {
  return {
    name: 'atgardsplan-publication',
    eventTypes: ['AtgardsplanPublicationRequested'],
    jobsFor: (event) =>
      event.type === 'AtgardsplanPublicationRequested'
        ? [{ kind: PUBLISH_PLAN, payload: { year: Number(event.streamId.replace(/^atgardsplan-/, '')) } }]
        : [],
  };
}

/**
 * Records the publication. The page, JSON and PDF are rendered from the published stream when
 * asked for (they are pure functions of it), so the job has nothing else to store. Idempotent: a
 * plan already published is left as it is.
 */
export function publishPlanProcessor(deps: {
  runner: CommandRunner;
  now: () => Date;
}): JobProcessor<{ year: number }, { year: number; publishedAt: string | null }> {
  return async (job) => {
    const result = await deps.runner.run(
      planStreamId(job.payload.year),
      planDecider,
      { type: 'PublishPlan', data: { publishedAt: deps.now().toISOString() } },
      { context: systemContext(job.id, job.id) },
    );
    return { year: job.payload.year, publishedAt: result.state.published?.publishedAt ?? null };
  };
}
