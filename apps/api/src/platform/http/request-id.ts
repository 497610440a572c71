import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header a client (or a proxy before us) names its request with, and we answer it in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a client's id may look like to be taken over: short, and only characters that cannot
 * break a log line, a header or a search in the log (no spaces, quotes or control characters).
 */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;

/** The client's id where it is acceptable, else undefined (a new one is made then). */
export function acceptableRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE.test(value) ? value : undefined;
}

/**
 * One id per request, remembered on the request: the log's `reqId` (pino-http's genReqId), the
 * `X-Request-Id` response header, the events' `correlationId` and a 500's `requestId` all ask
 * here, in whatever order they run, and get the same answer, so that a person quoting the id of
 * an error finds its log lines and the events it caused.
 */
const assigned = new WeakMap<IncomingMessage, string>();

export function requestIdOf(request: IncomingMessage): string {
  let id = assigned.get(request);
  if (id === undefined) {
    id = acceptableRequestId(request.headers[REQUEST_ID_HEADER]) ?? randomUUID();
    assigned.set(request, id);
  }
  return id;
}
