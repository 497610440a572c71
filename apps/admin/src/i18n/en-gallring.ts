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
    ip: 'IP addresses',
    append_keys: 'Idempotency keys',
    stored_copies: 'Stored copies (answers and outbox)',
    other: 'Other',
    none: 'Nothing found',
  },
  run: {
    title: 'Run now',
    intro:
      'Retention runs every night. Here you can see what would be removed now and run it at once, for example before an inspection. What is removed cannot be restored.',
    dry: 'Show what would be removed',
    now: 'Run now',
    would: 'Would remove: %{count} subjects',
    did: 'Removed: %{count} subjects',
    cutoff: 'Older than %{at}',
    confirm_title: 'Run retention now?',
    confirm_content:
      'The keys of everything past its time are deleted. The texts then read [gallrad] everywhere and cannot be restored.',
  },
  erasure: {
    title: 'Erase personal data on request',
    intro:
      'Search internal material for a person and erase the data with a legal ground and a reason. You see where the data is (kind, week, field), never the content. Published open versions are not affected.',
    kind: 'Search by',
    kinds: {
      personnummer: 'Personal identity number',
      text: 'Name or other text',
      phone: 'Phone number',
      email: 'E-mail address',
    },
    legal_ground: 'Legal ground',
    reason: 'Reason',
    preview: 'Search',
    erase: 'Erase',
    would: 'Found %{count} values that would be erased',
    did: 'Erased %{count} values',
    copies_would:
      'and %{count} stored copies (answers to repeated requests, outbox e-mails) that would be removed',
    copies_did: 'and removed %{count} stored copies (answers to repeated requests, outbox e-mails)',
    columns: { kind: 'Kind', week: 'Week', eventType: 'Event', field: 'Field', values: 'Count' },
    confirm_title: 'Erase the data?',
    confirm_content:
      '%{count} values are erased and then read [gallrad] everywhere. This cannot be undone. The erasure is recorded without the content.',
  },
};
