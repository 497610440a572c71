/**
 * What a log line says of a request: method, path, id and client address. No headers, so no
 * credentials, cookies or CSRF tokens can reach the log, and no query string, which may carry
 * search terms. It is also cheap: pino serialises a request's bindings on every request, at any
 * log level, and the default serialiser copied and redacted all headers each time (about a
 * tenth of the API's CPU time per reporting command).
 */
export interface LoggedRequest {
  id: unknown;
  method: string | undefined;
  path: string | undefined;
  remoteAddress: string | undefined;
}

export function requestForLog(request: {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
}): LoggedRequest {
  return {
    id: request.id,
    method: request.method,
    path: request.url?.split('?')[0],
    remoteAddress: request.remoteAddress,
  };
}

export function responseForLog(response: { statusCode?: number }): { statusCode: number | undefined } {
  return { statusCode: response.statusCode };
}
