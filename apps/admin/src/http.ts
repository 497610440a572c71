import { HttpError } from 'react-admin';

/**
 * The one place the panel talks HTTP. The session lives in an httpOnly cookie; state-changing
 * requests also carry the CSRF token that `/api/auth/me` hands out (CONTRACT.md, "General").
 */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  details?: unknown;
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  json: T;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  ifMatch?: number | string;
  signal?: AbortSignal;
}

const unsafe = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Fetches a path under the API and throws react-admin's HttpError (status + body) when it fails. */
export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (unsafe.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  if (options.ifMatch !== undefined) headers.set('If-Match', String(options.ifMatch));
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
  }
  if (!response.ok) {
    throw new HttpError(errorMessage(response.status, json), response.status, json);
  }
  return { status: response.status, headers: response.headers, json: json as T };
}

/** A message a person can act on: the server's own words when it gave any, else the status's meaning. */
export function errorMessage(status: number, body: unknown): string {
  // For these the status says all a person can act on; the server's words may be English.
  if (plainStatuses.has(status)) return statusMessages[status]!;
  const message = (body as ApiErrorBody | undefined)?.message;
  if (Array.isArray(message) && message.length > 0) return message.join('; ');
  if (typeof message === 'string' && message.length > 0) return message;
  return statusMessages[status] ?? `Servern svarade ${status}`;
}

const plainStatuses = new Set([401, 403, 404, 429]);

const statusMessages: Record<number, string> = {
  400: 'Uppgifterna är inte giltiga.',
  401: 'Du är inte inloggad.',
  403: 'Du har inte behörighet till detta.',
  404: 'Finns inte, eller så får du inte se det.',
  409: 'Någon annan har ändrat detta under tiden.',
  422: 'Det går inte i det här läget av arbetsflödet.',
  429: 'För många försök. Vänta en stund och försök igen.',
};
