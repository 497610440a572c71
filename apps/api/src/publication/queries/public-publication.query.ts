import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import { READ_DB } from '../../platform/platform.tokens.js';
import { isAnalysisPeriodId } from '../../reporting/analysis-period.js';
import { renderFigures, type RenderedFigure } from '../analysis-html.js';
import { monthAnalysisOf } from '../lagesbild-labels.js';
import { publicationJson, renderLagesbildPage, type PublicSite } from '../public-pages.js';
import { loadVisiblePublications } from '../public-publications.projection.js';
import { openMapGeoJson } from '../open-map-geojson.js';
import { type PublicFormat, PublicUrls } from '../public-urls.js';
import type { PublicationArtefacts } from '../publication-artefacts.js';
import { PUBLICATION_ARTEFACTS, PUBLIC_SITE } from '../publication.tokens.js';
import { publicDocument, type PublishedRevision } from '../published-revision.js';
import { GEO_JSON, HTML, JSON_TYPE, type PublicResource, withoutContent } from './public-resource.js';

/**
 * A week's latest publication, or with `publicationNumber` one particular one, as HTML, JSON,
 * PDF or its open map as GeoJSON. Only published, non-retracted publications are found; anything else is null (404).
 */
export class PublicPublicationQuery extends Query<PublicResource | null> {
  constructor(
    readonly period: string,
    readonly publicationNumber: number | null,
    readonly format: PublicFormat,
    readonly embed = false,
  ) {
    super();
  }
}

@QueryHandler(PublicPublicationQuery)
export class PublicPublicationHandler implements IQueryHandler<PublicPublicationQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(PUBLICATION_ARTEFACTS) private readonly artefacts: PublicationArtefacts,
    @Inject(PUBLIC_SITE) private readonly site: PublicSite,
  ) {}

  async execute(query: PublicPublicationQuery): Promise<PublicResource | null> {
    const { period, publicationNumber, format, embed } = query;
    // No read-after-write wait, as for the lists (PublicListHandler).
    const history = await loadVisiblePublications(this.db, period);
    const entry =
      publicationNumber === null
        ? history[0]
        : history.find((candidate) => candidate.publicationNumber === publicationNumber);
    if (!entry) return null;
    const immutable = publicationNumber !== null;
    if (format === 'pdf') {
      const rendering = await this.artefacts.rendering(period, entry.publicationNumber);
      const pdf = rendering?.pdfHash ? await this.artefacts.pdf(rendering.pdfHash) : null;
      return pdf ? { body: pdf, contentType: 'application/pdf', immutable } : null;
    }
    // The map as counted at publication; none for a publication made without areas (or before maps).
    const openMap = (await this.artefacts.openMap(period, entry.publicationNumber)) ?? null;
    if (format === 'geojson') {
      return openMap
        ? { body: JSON.stringify(openMapGeoJson(openMap)), contentType: GEO_JSON, immutable }
        : null;
    }
    const sections = await this.artefacts.content(entry.contentHash);
    if (!sections) return null;
    const publication: PublishedRevision = {
      ...entry,
      document: publicDocument(period, entry.publicationNumber, entry.revision, sections),
    };
    if (format === 'json') {
      return {
        body: JSON.stringify(publicationJson(publication, this.site, openMap !== null)),
        contentType: JSON_TYPE,
        immutable,
        describedBy: new PublicUrls(this.site.baseUrl).schema(),
      };
    }
    const others = history.map((other) =>
      other.publicationNumber === entry.publicationNumber ? publication : withoutContent(other),
    );
    const figures = isAnalysisPeriodId(period)
      ? await this.figuresOf(entry.contentHash, publication)
      : undefined;
    // The månadsmöte's week links the month's analysis once that is published.
    const month = monthAnalysisOf(period, this.site.municipality);
    const monthAnalysis =
      month && (await loadVisiblePublications(this.db, month)).length > 0 ? month : undefined;
    return {
      body: renderLagesbildPage(publication, this.site, others, {
        embed,
        ...(figures ? { figures } : {}),
        ...(monthAnalysis ? { monthAnalysis } : {}),
        ...(openMap ? { openMap } : {}),
      }),
      contentType: HTML,
      immutable,
    };
  }

  // A published content hash never changes its figures; drawing them costs tens of milliseconds.
  private readonly figureCache = new Map<string, Promise<RenderedFigure[]>>();

  private figuresOf(contentHash: string, publication: PublishedRevision): Promise<RenderedFigure[]> {
    let figures = this.figureCache.get(contentHash);
    if (!figures) {
      if (this.figureCache.size >= 50) this.figureCache.clear();
      figures = renderFigures(publication.document);
      figures.catch(() => this.figureCache.delete(contentHash));
      this.figureCache.set(contentHash, figures);
    }
    return figures;
  }
}
