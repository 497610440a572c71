import type { LagesbildDocument } from '@laget/contracts';
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Clock } from '../platform/commands/clock.js';
import { systemContext } from '../platform/commands/request-context.js';
import { type JobProcessor, JobRefused } from '../platform/jobs/job-queue.js';
import type { Reactor } from '../platform/jobs/reactor.js';
import type { LagesbildEvent } from '../lagesbild/lagesbild.decider.js';
import { RecordPublicationCommand } from './commands/record-publication.command.js';
import { RecordPublicationFailureCommand } from './commands/record-publication-failure.command.js';
import { renderLagesbildPdf } from './lagesbild-pdf.js';
import { OpenMapNotApproved, openMapAtPublication } from './open-map-at-publication.js';
import type { MunicipalityProfile } from './lagesbild-labels.js';
import { periodOfStream } from '../lagesbild/lagesbild-stream.js';
import type { PublicationArtefacts } from './publication-artefacts.js';
import { PUBLISH_LAGESBILD } from '../lagesbild/publication-job-id.js';
import { publicDocument } from './published-revision.js';
import { PublicationToPublishQuery } from './queries/publication-to-publish.query.js';
import { describeRenderFault, locateRenderFault, unusualTexts } from './render-fault.js';

// Defined once with the lägesbild (its publish endpoint answers the same job id); named here too
// for the code that thinks of them as the job's.
export { PUBLISH_LAGESBILD, publicationJobIdFor } from '../lagesbild/publication-job-id.js';
export { periodOfStream } from '../lagesbild/lagesbild-stream.js';

/** Ids only: BullMQ keeps payloads readable in Redis, and the content is in the event store. */
export type PublishLagesbildPayload = { period: string; publicationNumber: number };

/** Every PublicationRequested asks for one publication job (its id: publicationJobIdFor). */
export function publicationReactor(): Reactor<LagesbildEvent> {
  return {
    name: 'publication',
    eventTypes: ['PublicationRequested'],
    jobsFor: (event) =>
      event.type === 'PublicationRequested'
        ? [
            {
              kind: PUBLISH_LAGESBILD,
              payload: {
                period: periodOfStream(event.streamId),
                publicationNumber: event.data.publicationNumber,
              },
              options: { attempts: 5, backoffMs: 1_000 },
            },
          ]
        : [],
  };
}

export interface PublishResult {
  period: string;
  publicationNumber: number;
  revision: number;
  contentHash: string;
  pdfHash: string;
  publishedAt: string;
  /** True when an earlier run had recorded the publication already. */
  alreadyPublished?: true;
}

/** The steps of one run, named for tests that stop a run between two of them. */
export type PublishStep = 'loaded' | 'content-stored' | 'pdf-stored' | 'recorded';

export interface PublishDependencies {
  /** Records the outcome (RecordPublicationCommand, RecordPublicationFailureCommand). */
  commandBus: CommandBus;
  /** Reads the week to publish (PublicationToPublishQuery). */
  queryBus: QueryBus;
  artefacts: PublicationArtefacts;
  clock: Clock;
  municipality: MunicipalityProfile;
  /** The PDF renderer; a test passes one that trips on some content. */
  renderPdf?: typeof renderLagesbildPdf;
  /** Called after each step; a test makes it throw or hang to play a crash there. */
  afterStep?: (step: PublishStep, job: { id: string; attempt: number }) => Promise<void>;
}

/** A publication that cannot succeed however often it is tried: failed at once, never retried (JobRefused). */
class PublicationRefused extends JobRefused {
  override readonly name = 'PublicationRefused';
  /** The approval itself can never be published (its map is gone): a new approval is needed. */
  lapsesApproval = false;
}

/**
 * Publishes one approved revision: derives the open document from the lägesbild stream (never
 * anything else), checks it against the approved content hash, stores content and PDF, and
 * records `LagesbildPublished`. Each step finds what an earlier, crashed run left and goes on from
 * there, and the decider ignores a second `RecordPublication` of the same content, so however
 * often it runs the week is published once. The last failed attempt records `PublicationFailed`,
 * which lets the coordinator publish again.
 */
export function publishLagesbildProcessor(
  deps: PublishDependencies,
): JobProcessor<PublishLagesbildPayload, PublishResult> {
  const step = async (name: PublishStep, job: { id: string; attempt: number }) => {
    if (deps.afterStep) await deps.afterStep(name, job);
  };

  return async (job) => {
    const { period, publicationNumber } = job.payload;
    const context = systemContext(job.id, job.id);
    const found = await deps.queryBus.execute(new PublicationToPublishQuery(period, publicationNumber));
    if (!found) throw new Error(`There is no lägesbild for ${period} in this store`);
    const { publication, open } = found;
    if (!publication) throw new Error(`Publication ${publicationNumber} of ${period} was never requested`);

    if (publication.state === 'published' || publication.state === 'retracted') {
      const done = await deps.artefacts.rendering(period, publicationNumber);
      if (!done?.pdfHash) throw new Error(`Publication ${period} #${publicationNumber} has no stored PDF`);
      return { ...resultOf(done, done.pdfHash), alreadyPublished: true };
    }
    if (publication.state === 'failed' || !open) {
      // A retry of a refused run: say why it was refused, not only that it was (the panel explains it).
      throw new PublicationRefused(
        `Publication ${period} #${publicationNumber} was recorded as failed` +
          (publication.failure ? `: ${publication.failure}` : ''),
      );
    }

    try {
      await step('loaded', job);
      // The open version is what was approved only if it hashes to the approved content hash.
      const contentHash = open.contentHash;
      if (contentHash !== publication.contentHash) {
        throw new PublicationRefused(
          `The open version of ${period} hashes to ${contentHash}, not the approved ${publication.contentHash}`,
        );
      }
      const document = publicDocument(period, publication.number, publication.revision, open.sections);
      await deps.artefacts.putContent(contentHash, period, document.sections).catch((error: unknown) => {
        const unusual = unusualTexts(document.sections, '/sections');
        throw new Error(
          `Storing the open content of ${period} failed: ${describe(error)}` +
            (unusual.length > 0 ? `; unusual characters at ${unusual.join('; ')}` : ''),
          { cause: error },
        );
      });
      const rendering = await deps.artefacts.claimRendering({
        period,
        publicationNumber,
        revision: publication.revision,
        contentHash,
        publishedAt: deps.clock.now(),
      });
      await step('content-stored', job);

      let pdfHash = rendering.pdfHash;
      if (!pdfHash) {
        const openMap = await openMapAtPublication(deps, {
          period,
          publicationNumber,
          sections: document.sections,
          mapIncidents: open.mapIncidents,
          ...(publication.openMapHash !== undefined ? { approvedHash: publication.openMapHash } : {}),
        }).catch((error: unknown) => {
          if (!(error instanceof OpenMapNotApproved)) throw error;
          // Retrying counts the same changed areas again; only a new approval can help.
          const refused = new PublicationRefused(error.message, { cause: error });
          refused.lapsesApproval = true;
          throw refused;
        });
        const render = (doc: LagesbildDocument) =>
          (deps.renderPdf ?? renderLagesbildPdf)(doc, {
            municipality: deps.municipality,
            publishedAt: rendering.publishedAt,
            ...(openMap ? { openMap } : {}),
          });
        const pdf = await render(document).catch(async (error: unknown) => {
          // A part that fails alone fails on every retry: name it, and do not retry.
          const fault = await locateRenderFault(document, render);
          if (!fault) throw error;
          throw new PublicationRefused(
            `Publication ${period} #${publicationNumber}: ${describeRenderFault('Rendering the PDF', fault, error)}`,
            { cause: error },
          );
        });
        pdfHash = await deps.artefacts.putPdf(pdf);
        await deps.artefacts.recordPdf(period, publicationNumber, pdfHash);
      }
      await step('pdf-stored', job);

      await deps.commandBus.execute(
        new RecordPublicationCommand(context, period, {
          publicationNumber,
          contentHash,
          publishedAt: rendering.publishedAt.toISOString(),
          pdfHash,
        }),
      );
      await step('recorded', job);
      return resultOf(rendering, pdfHash);
    } catch (error) {
      if (error instanceof PublicationRefused || job.attempt >= job.maxAttempts) {
        await deps.commandBus.execute(
          new RecordPublicationFailureCommand(context, period, {
            publicationNumber,
            error: describe(error),
            ...(error instanceof PublicationRefused && error.lapsesApproval
              ? { lapseApproval: true as const }
              : {}),
          }),
        );
      }
      throw error;
    }
  };
}

function resultOf(
  rendering: {
    period: string;
    publicationNumber: number;
    revision: number;
    contentHash: string;
    publishedAt: Date;
  },
  pdfHash: string,
): PublishResult {
  return {
    period: rendering.period,
    publicationNumber: rendering.publicationNumber,
    revision: rendering.revision,
    contentHash: rendering.contentHash,
    pdfHash,
    publishedAt: rendering.publishedAt.toISOString(),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
