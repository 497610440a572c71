import { SESSION_COOKIE } from '../identity/auth.guard.js';

/** The document's info, capability tags and security schemes (docs/adr/0021). */
export const documentInfo = {
  title: 'Läget API',
  version: '1',
  description:
    'Lokal lägesbild för Effektiv samordning för trygghet (EST). Errors share one shape (`ApiError`). ' +
    'Log in with `POST /api/auth/login` (a session cookie; send the `csrfToken` of `GET /api/auth/me` as ' +
    '`X-CSRF-Token` on every state-changing request) or send a personal API token as `Authorization: Bearer`. ' +
    "Every response carries `X-Request-Id`: the request's own when it sent one of 1–100 characters " +
    '`[A-Za-z0-9._:-]`, otherwise a new UUID; the log lines and the events of the request carry the same ' +
    'id, and a 500 gives it as `requestId`.',
  license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
};

export const capabilityTags = [
  { name: 'auth', description: 'Login, the session, password and personal API tokens' },
  { name: 'organisations', description: 'The organisations of the EST group' },
  { name: 'users', description: 'Logins and their roles' },
  { name: 'periods', description: 'Weeks, their deadlines and who has reported' },
  { name: 'reports', description: 'An organisation’s report for a week, and its incidents' },
  { name: 'places', description: 'The register of places incidents refer to' },
  {
    name: 'map',
    description: 'Areas (områden), which area a place lies in, incidents at their places (issue 20)',
  },
  { name: 'lagesbilder', description: 'The week’s lägesbild: compile, edit, redact, approve, publish' },
  { name: 'atgarder', description: 'Problems, actions (åtgärder) with owners and follow-ups' },
  {
    name: 'analysis',
    description: 'Trends over the weeks: by category, organisation, place or area (issue 18)',
  },
  { name: 'jobs', description: 'Background jobs such as publications' },
  { name: 'audit', description: 'The audit log: every event, who and when' },
  {
    name: 'retention',
    description:
      'Gallring and erasure of personal data: the rules, a run, an erasure, the registrar’s report (docs/adr/0025)',
  },
  { name: 'public', description: 'The published lägesbilder: HTML, JSON, PDF, Atom; no login' },
  { name: 'health', description: 'Liveness and readiness' },
];

export const securitySchemes = {
  session: {
    type: 'apiKey' as const,
    in: 'cookie' as const,
    name: SESSION_COOKIE,
    description: 'The session cookie `POST /api/auth/login` sets (HttpOnly, SameSite=Strict)',
  },
  csrfToken: {
    type: 'apiKey' as const,
    in: 'header' as const,
    name: 'X-CSRF-Token',
    description:
      'With a cookie session, on every state-changing request: `csrfToken` from `GET /api/auth/me`',
  },
  bearer: {
    type: 'http' as const,
    scheme: 'bearer',
    description:
      'A personal API token (`POST /api/auth/tokens`): an opaque random secret, not a JWT; only its hash is stored',
  },
};
