import type { DocumentSection } from '@laget/contracts';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { lagesbildStreamId } from '../../lagesbild/lagesbild.decider.js';
import type { Publication } from '../../lagesbild/lagesbild-state.js';
import { openContentHash } from '../../lagesbild/lagesbild-views.js';
import { type OpenMapIncidentRow, openVersionForMap } from '../open-map-incidents.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { publicationDecider } from '../publication-decider.js';

/** What the publish job works from: the requested publication and, while it is requested, the open version now. */
export interface PublicationToPublish {
  /** Null when the week never asked for this publication. */
  publication: Publication | null;
  /** Derived from the lägesbild stream (never anything else) while the publication is `requested`. */
  open: { contentHash: string; sections: DocumentSection[]; mapIncidents: OpenMapIncidentRow[] } | null;
}

/**
 * A week's publication as the publish job needs it, folded from the lägesbild stream by the one
 * command runner (with the upcasters), or null when there is no lägesbild for the period.
 */
export class PublicationToPublishQuery extends Query<PublicationToPublish | null> {
  constructor(
    readonly period: string,
    readonly publicationNumber: number,
  ) {
    super();
  }
}

@QueryHandler(PublicationToPublishQuery)
export class PublicationToPublishHandler implements IQueryHandler<PublicationToPublishQuery> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({
    period,
    publicationNumber,
  }: PublicationToPublishQuery): Promise<PublicationToPublish | null> {
    const { state, exists } = await this.runner.load(lagesbildStreamId(period), publicationDecider);
    if (!exists) return null;
    const publication =
      state.publications.find((candidate) => candidate.number === publicationNumber) ?? null;
    // While a publication is requested the decider refuses every content change, so the open
    // version now is the version that was approved; the job checks the hash to prove it.
    if (publication?.state !== 'requested') return { publication, open: null };
    // The open map counts these rows at their places (a masked location at none): docs/adr/0030.
    const { sections, mapIncidents } = openVersionForMap(state);
    const open = { contentHash: openContentHash(state), sections, mapIncidents };
    return { publication, open };
  }
}
