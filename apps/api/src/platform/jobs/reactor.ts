import type { DomainEvent } from '../domain/decider.js';
import type { ProjectedEvent, Projection } from '../projections/projection.js';
import { type EnqueueOptions, type JobPayload, type JobQueue, jobIdFor } from './job-queue.js';

/** One job an event asks for. */
export interface JobRequest {
  kind: string;
  /** Ids only: see JobPayload. */
  payload: JobPayload;
  /** Tells apart several jobs of one kind from one event; part of the job id. */
  suffix?: string;
  options?: EnqueueOptions;
}

/** Maps events of the log to jobs; pure, so it can be tested without a queue. */
export interface Reactor<Event extends DomainEvent = DomainEvent> {
  readonly name: string;
  readonly eventTypes: readonly Event['type'][];
  jobsFor(event: ProjectedEvent<Event>): JobRequest[];
}

/**
 * Runs a reactor as a checkpointed consumer of the log in the ProjectionRunner (same advisory
 * lock, catch-up and waiting): the jobs of a batch are enqueued before the transaction that moves
 * the checkpoint, so the checkpoint never passes an event whose jobs are not queued. A crash in
 * between enqueues them again under the same ids (derived from the event id), which the queue
 * ignores. It has no rows: "rebuilding" it replays the log into ids the queue already knows.
 */
export function reactorProjection<Event extends DomainEvent>(
  reactor: Reactor<Event>,
  queue: JobQueue,
): Projection<Event> {
  return {
    name: `reactor-${reactor.name}`,
    version: 1,
    eventTypes: reactor.eventTypes,
    setup: async () => undefined,
    reset: async () => undefined,
    apply: async () => undefined,
    react: async (events) => {
      for (const event of events) {
        for (const job of reactor.jobsFor(event)) {
          await queue.enqueue(
            job.kind,
            jobIdFor(job.kind, event.eventId, job.suffix),
            job.payload,
            job.options,
          );
        }
      }
    },
  };
}
