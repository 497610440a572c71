import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import { publicLagesbildJsonSchema, type PublicLagesbildList } from '@laget/contracts';
import { AppConfig } from '../config/app-config.js';
import { READ_DB } from '../platform/platform.tokens.js';
import { PublicationArtefacts } from './publication-artefacts.js';
import { PUBLICATION_ARTEFACTS, PUBLICATION_SETTINGS } from './publication.tokens.js';
import type { PublicationSettings } from './publication.settings.js';
import { renderAtomFeed } from './public-feed.js';
import {
  publicationJson,
  renderLagesbildList,
  renderLagesbildPage,
  type PublicSite,
} from './public-pages.js';
import { loadVisiblePublications, type PublicationEntry } from './public-publications.projection.js';
import { latestPerWeek, type PublishedRevision } from './published-revision.js';
import { PublicUrls } from './public-urls.js';
import { publicDocument } from './publish-lagesbild.job.js';

export interface PublicResource {
  body: string | Buffer;
  contentType: string;
  /** Content that never changes (one numbered publication) may be cached longer. */
  immutable: boolean;
  /** The JSON Schema the body follows: sent as `Link: <…>; rel="describedby"`. */
  describedBy?: string;
}

/**
 * The public site's answers, built from the public-publications projection and the stored
 * artefacts. Only published, non-retracted publications are found; anything else is null (404).
 */
@Injectable()
export class PublicSiteService {
  readonly site: PublicSite;

  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(PUBLICATION_ARTEFACTS) private readonly artefacts: PublicationArtefacts,
    @Inject(PUBLICATION_SETTINGS) settings: PublicationSettings,
    config: AppConfig,
  ) {
    this.site = { municipality: settings.municipality, baseUrl: config.publicBaseUrl };
  }

  async list(format: 'html' | 'json', embed: boolean): Promise<PublicResource> {
    const entries = await this.entries();
    const revisions = entries.map((entry) => withoutContent(entry));
    if (format === 'html') {
      return {
        body: renderLagesbildList(revisions, this.site, { embed }),
        contentType: 'text/html; charset=utf-8',
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
      contentType: 'application/json; charset=utf-8',
      immutable: false,
      describedBy: urls.schema(),
    };
  }

  async feed(): Promise<PublicResource> {
    const revisions = (await this.entries()).map((entry) => withoutContent(entry));
    return {
      body: renderAtomFeed(revisions, this.site),
      contentType: 'application/atom+xml; charset=utf-8',
      immutable: false,
    };
  }

  /** A week's latest publication, or with `publicationNumber` one particular one. */
  async publication(
    period: string,
    publicationNumber: number | null,
    format: 'html' | 'json' | 'pdf',
    embed: boolean,
  ): Promise<PublicResource | null> {
    const history = await this.entries(period);
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
    const sections = await this.artefacts.content(entry.contentHash);
    if (!sections) return null;
    const publication: PublishedRevision = {
      ...entry,
      document: publicDocument(period, entry.publicationNumber, entry.revision, sections),
    };
    if (format === 'json') {
      return {
        body: JSON.stringify(publicationJson(publication, this.site)),
        contentType: 'application/json; charset=utf-8',
        immutable,
        describedBy: new PublicUrls(this.site.baseUrl).schema(),
      };
    }
    return {
      body: renderLagesbildPage(
        publication,
        this.site,
        history.map((other) =>
          other.publicationNumber === entry.publicationNumber ? publication : withoutContent(other),
        ),
        { embed },
      ),
      contentType: 'text/html; charset=utf-8',
      immutable,
    };
  }

  /** The JSON Schema of the public JSON, generated from the contracts' zod schemas. */
  schema(): PublicResource {
    this.jsonSchema ??= JSON.stringify(publicLagesbildJsonSchema(this.site.baseUrl), null, 2);
    return { body: this.jsonSchema, contentType: 'application/schema+json; charset=utf-8', immutable: false };
  }

  private jsonSchema: string | undefined;

  private async entries(period?: string): Promise<PublicationEntry[]> {
    // No read-after-write wait: anonymous traffic should not queue behind the projections; a
    // publication shows as soon as its event is projected (milliseconds).
    return loadVisiblePublications(this.db, period);
  }
}

/** Lists, the feed and the other versions of a week name publications without showing their text. */
function withoutContent(entry: PublicationEntry): PublishedRevision {
  return { ...entry, document: publicDocument(entry.period, entry.publicationNumber, entry.revision, []) };
}
