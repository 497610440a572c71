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
  /** The same key for a retry of the same request: the API answers it without doing it twice. */
  idempotencyKey?: string;
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
  if (options.idempotencyKey !== undefined) headers.set('Idempotency-Key', options.idempotencyKey);
  // The API records this as the correlation id of what the request causes; a person reporting a
  // server error can quote it (shown in the error toast).
  const requestId = newRequestId();
  headers.set('X-Request-Id', requestId);
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
    const reference = response.headers.get('X-Request-Id') ?? requestId;
    throw new HttpError(errorMessage(response.status, json, reference), response.status, json);
  }
  return { status: response.status, headers: response.headers, json: json as T };
}

/** Twelve hex digits: short enough to read out on the phone, unique enough to find in the logs. */
export function newRequestId(): string {
  // getRandomValues, unlike randomUUID, also exists on a plain-HTTP address in the LAN.
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A message a person can act on: the server's own words when it gave any, else the status's meaning. */
export function errorMessage(status: number, body: unknown, reference?: string): string {
  // For these the status says all a person can act on; the server's words may be English.
  if (plainStatuses.has(status)) return statusMessages[status]!;
  const { message, details } = (body as ApiErrorBody | undefined) ?? {};
  if (status >= 500) {
    const text = serverFailure(status, typeof message === 'string' ? message : undefined);
    return reference ? `${text} (Referens: ${reference})` : text;
  }
  const fields = fieldProblems(details);
  if (fields) return fields;
  if (Array.isArray(message) && message.length > 0) return message.map((m) => ourHalf(m)).join('; ');
  if (typeof message === 'string' && message.length > 0) return ourHalf(message);
  return statusMessages[status] ?? `Servern svarade ${status}`;
}

/** Which half of the API's bilingual words the panel shows: its own language's. */
let language: 'sv' | 'en' = 'sv';

export function setErrorLanguage(locale: string): void {
  language = locale === 'en' ? 'en' : 'sv';
}

/**
 * The panel's half of the API's bilingual words ("Platsen finns redan / A place with this name
 * exists"): half a sentence in the other language reads as a fault. Swedish unless the panel
 * was switched to English.
 */
export function ourHalf(text: string, lang: 'sv' | 'en' = language): string {
  const split = text.indexOf(' / ');
  if (split <= 0) return text;
  return (lang === 'en' ? text.slice(split + 3) : text.slice(0, split)).trim();
}

/**
 * A 400's fields, each in the panel's half of its own words ("Allvarlighetsgrad: måste vara
 * 1–5"), rather than the summary line, which starts in English ("Invalid input: body.…").
 */
function fieldProblems(details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined;
  const messages = details
    .map((detail) => (detail as { message?: unknown } | null)?.message)
    .filter((message): message is string => typeof message === 'string' && message.length > 0);
  return messages.length > 0 ? messages.map((m) => ourHalf(m)).join('; ') : undefined;
}

/**
 * A server failure in Swedish: the Swedish half of a bilingual answer ("svenska / English", the
 * API's style for outages), else the status's meaning — a 500's body is English only.
 */
function serverFailure(status: number, message: string | undefined): string {
  const ours = message === undefined ? message : ourHalf(message);
  if (ours && ours !== message) return ours;
  return statusMessages[status] ?? `Servern svarade ${status}.`;
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
  500: 'Något gick fel hos oss; felet är loggat.',
  502: 'Servern går inte att nå just nu; försök igen om en stund.',
  503: 'Tjänsten är inte tillgänglig just nu; försök igen om en stund.',
  504: 'Servern svarade inte i tid; försök igen om en stund.',
};
