import type { OpenMapPreview } from '@laget/contracts';
import { type IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import { lagesbildStreamId } from '../../lagesbild/lagesbild.decider.js';
import type { LagesbildState } from '../../lagesbild/lagesbild-state.js';
import { openContentHash } from '../../lagesbild/lagesbild-views.js';
import { OpenMapToApproveQuery } from '../../lagesbild/queries/open-map-to-approve.query.js';
import { ReadLagesbildQuery } from '../../lagesbild/queries/read-lagesbild.query.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import type { OpenMap } from '../open-map.js';
import { countOpenMap, openMapHash } from '../open-map-at-publication.js';
import { openVersionForMap } from '../open-map-incidents.js';
import { renderOpenMapSvg } from '../open-map-svg.js';
import { publicationDecider } from '../publication-decider.js';

const noMap: OpenMapPreview = { svg: null, alt: null, width: null, height: null, minCount: null, hash: null };

/**
 * The open map of a lägesbild as publishing it now would count it (docs/adr/0030): the reviewer
 * approves the open version, and the map is derived from it and the areas in force, so this shows
 * what that approval will put on the public page. For whoever may read the open version: the
 * rule is ReadLagesbildQuery's, asked first.
 */
export class OpenMapPreviewQuery extends Query<OpenMapPreview> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
  ) {
    super();
  }
}

@QueryHandler(OpenMapPreviewQuery)
export class OpenMapPreviewHandler implements IQueryHandler<OpenMapPreviewQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly runner: CommandRunner,
  ) {}

  async execute({ caller, period }: OpenMapPreviewQuery): Promise<OpenMapPreview> {
    // 403 for one who may not read the open version, 404 where there is no lägesbild.
    await this.queryBus.execute(new ReadLagesbildQuery(caller, period, { kind: 'open' }));
    const { state, exists } = await this.runner.load(lagesbildStreamId(period), publicationDecider);
    if (!exists || state.status === 'not_compiled') return noMap;
    const map = await openMapNow(this.queryBus, state);
    if (!map) return noMap;
    const { svg, alt, width, height } = renderOpenMapSvg(map);
    return { svg, alt, width, height, minCount: map.minCount, hash: openMapHash(map) };
  }
}

/** The open map of the week's open version as it stands, counted from the areas in force now. */
function openMapNow(queryBus: QueryBus, state: LagesbildState): Promise<OpenMap | null> {
  const { sections, mapIncidents } = openVersionForMap(state);
  return countOpenMap(queryBus, sections, mapIncidents);
}

/**
 * What an approval now fixes of the map (docs/adr/0030): counted exactly as the preview above
 * counts it, and as publication will count it again to prove it publishes this map.
 */
@QueryHandler(OpenMapToApproveQuery)
export class OpenMapToApproveHandler implements IQueryHandler<OpenMapToApproveQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly runner: CommandRunner,
  ) {}

  async execute({ period }: OpenMapToApproveQuery): Promise<{ contentHash: string; hash: string | null }> {
    const { state } = await this.runner.load(lagesbildStreamId(period), publicationDecider);
    const map = await openMapNow(this.queryBus, state);
    return { contentHash: openContentHash(state), hash: openMapHash(map) };
  }
}
