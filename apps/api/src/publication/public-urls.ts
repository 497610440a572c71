import { PUBLIC_LIST_SCHEMA_FRAGMENT, PUBLIC_SCHEMA_PATH } from '@laget/contracts';

/** A publication's forms: the page, its JSON, its PDF and its open map as GeoJSON. */
export type PublicFormat = 'html' | 'json' | 'pdf' | 'geojson';

/**
 * Addresses on the public site, absolute from PUBLIC_BASE_URL so that pages embedded in the
 * municipality's web site and feed readers resolve them the same way.
 */
export class PublicUrls {
  private readonly base: string;

  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  list(format: 'html' | 'json' = 'html'): string {
    return `${this.base}/public/lagesbilder${format === 'json' ? '.json' : ''}`;
  }

  /** The latest publication of a week. */
  week(period: string, format: PublicFormat = 'html'): string {
    return `${this.base}/public/lagesbilder/${encodeURIComponent(period)}${format === 'html' ? '' : `.${format}`}`;
  }

  /** One publication of a week, also after it has been corrected. */
  publication(period: string, publicationNumber: number, format: PublicFormat = 'html'): string {
    return `${this.week(period)}/${publicationNumber}${format === 'html' ? '' : `.${format}`}`;
  }

  feed(): string {
    return `${this.base}/public/feed.atom`;
  }

  /** The JSON Schema of the public JSON (docs/adr/0021); `list` names the list's part of it. */
  schema(part: 'publication' | 'list' = 'publication'): string {
    return `${this.base}${PUBLIC_SCHEMA_PATH}${part === 'list' ? PUBLIC_LIST_SCHEMA_FRAGMENT : ''}`;
  }
}
