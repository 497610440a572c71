import { Inject } from '@nestjs/common';
import {
  type IQueryHandler,
  Query,
  QueryBus,
  QueryHandler,
  QueryHandlerNotFoundException,
} from '@nestjs/cqrs';
import { PublishedPlansQuery } from './published-plans.query.js';
import type { PublicLagesbildList } from '@laget/contracts';
import type { SqlDatabase } from '@laget/event-store';
import { READ_DB } from '../../platform/platform.tokens.js';
import { renderAtomFeed } from '../public-feed.js';
import { renderLagesbildList, type PublicSite } from '../public-pages.js';
import { loadVisiblePublications } from '../public-publications.projection.js';
import { PublicUrls } from '../public-urls.js';
import { latestPerWeek } from '../published-revision.js';
import { PUBLIC_SITE } from '../publication.tokens.js';
import { HTML, JSON_TYPE, type PublicResource, withoutContent } from './public-resource.js';

/**
 * Every published week: the HTML list (`embed` without the page frame), the JSON list (latest
 * publication per week) or the Atom feed (one entry per publication, newest first).
 */
export class PublicListQuery extends Query<PublicResource> {
  constructor(
    readonly format: 'html' | 'json' | 'atom',
    readonly embed = false,
  ) {
    super();
  }
}

@QueryHandler(PublicListQuery)
export class PublicListHandler implements IQueryHandler<PublicListQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(PUBLIC_SITE) private readonly site: PublicSite,
    private readonly queryBus: QueryBus,
  ) {}

  /** The published åtgärdsplaner for the feed; none where that feature is not loaded (a test's bus). */
  private async plans(): Promise<Array<{ year: number; publishedAt: Date }>> {
    try {
      return await this.queryBus.execute(new PublishedPlansQuery());
    } catch (error) {
      if (error instanceof QueryHandlerNotFoundException) return [];
      throw error;
    }
  }

  async execute({ format, embed }: PublicListQuery): Promise<PublicResource> {
    // No read-after-write wait: anonymous traffic should not queue behind the projections; a
    // publication shows as soon as its event is projected (milliseconds).
    const revisions = (await loadVisiblePublications(this.db)).map((entry) => withoutContent(entry));
    if (format === 'html') {
      return {
        body: renderLagesbildList(revisions, this.site, { embed }),
        contentType: HTML,
        immutable: false,
      };
    }
    if (format === 'atom') {
      return {
        body: renderAtomFeed(revisions, this.site, 50, await this.plans()),
        contentType: 'application/atom+xml; charset=utf-8',
        immutable: false,
      };
    }
    const urls = new PublicUrls(this.site.baseUrl);
    const weeks = latestPerWeek(revisions).map((latest) => ({
      // The Atom entry's <id>: the numbered publication, the version both name it by.
      id: urls.publication(latest.period, latest.publicationNumber),
      period: latest.period,
      publicationNumber: latest.publicationNumber,
      revision: latest.revision,
      publishedAt: latest.publishedAt.toISOString(),
      corrected: latest.publicationNumber > 1,
      html: urls.week(latest.period),
      json: urls.week(latest.period, 'json'),
      pdf: urls.week(latest.period, 'pdf'),
    }));
    const list: PublicLagesbildList = {
      $schema: urls.schema('list'),
      municipality: this.site.municipality.name,
      lagesbilder: weeks,
    };
    return {
      body: JSON.stringify(list),
      contentType: JSON_TYPE,
      immutable: false,
      describedBy: urls.schema(),
    };
  }
}
