import type { PublicationEntry } from '../public-publications.projection.js';
import { publicDocument, type PublishedRevision } from '../published-revision.js';

/** One answer of the public site: the bytes and what the controller needs to send them. */
export interface PublicResource {
  body: string | Buffer;
  contentType: string;
  /** Content that never changes (one numbered publication) may be cached longer. */
  immutable: boolean;
  /** The JSON Schema the body follows: sent as `Link: <…>; rel="describedby"`. */
  describedBy?: string;
}

export const HTML = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
/** RFC 7946's media type; JSON, so UTF-8 without a charset parameter. */
export const GEO_JSON = 'application/geo+json';

/** Lists, the feed and the other versions of a week name publications without showing their text. */
export function withoutContent(entry: PublicationEntry): PublishedRevision {
  return { ...entry, document: publicDocument(entry.period, entry.publicationNumber, entry.revision, []) };
}
