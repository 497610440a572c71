import type { gallringSwedish } from './sv-gallring.js';

/** The gallring page's texts (`laget.gallring`), English. */
export const gallringEnglish: typeof gallringSwedish = {
  title: 'Retention',
  intro:
    'Personal data in reports and situation pictures is encrypted. When the records plan says its time is up, the key is deleted and the text reads [gallrad] everywhere. Who did what and when remains. Published open versions are kept.',
  rules: 'Rules',
  months: '%{months} months',
  next_run: 'Next run: %{at}',
  report: "The registrar's report",
  report_intro: 'What was removed or erased, when, and by which rule or request. Never the content.',
  empty: 'Nothing has been removed yet.',
  csv: 'Download as CSV',
  columns: {
    at: 'Time',
    what: 'Basis',
    by: 'By',
    legalGround: 'Legal ground',
    kind: 'Kind',
    count: 'Count',
  },
  what: { rule: 'Rule', request: 'Request' },
  kinds: {
    report: 'Reports',
    lagesbild: 'Situation pictures',
    login: 'Logins',
    email: 'E-mails',
    append_keys: 'Idempotency keys',
    other: 'Other',
    none: 'Nothing found',
  },
};
