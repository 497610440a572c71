import type { SqlDatabase } from '@laget/event-store';
import { freshPglite } from '@laget/event-store/testing';
import { setupOutboxTable } from '../platform/jobs/email/email-transport.js';
import { IDEMPOTENCY_TABLE_DDL } from '../platform/http/idempotency.interceptor.js';
import { matcherFor } from './erasure-match.js';
import { StoredCopies } from './stored-copies.js';

const NOW = new Date('2026-12-04T02:15:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe('StoredCopies: the plain copies outside the log', () => {
  let db: SqlDatabase;
  let copies: StoredCopies;

  beforeEach(async () => {
    db = await freshPglite();
    copies = new StoredCopies(db);
  });
  afterEach(async () => {
    await db.close();
  });

  const withTables = async () => {
    await db.query(IDEMPOTENCY_TABLE_DDL);
    await setupOutboxTable(db);
  };
  const answer = (key: string, response: unknown, at = daysAgo(0)) =>
    db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at)
       VALUES ('user-1 POST /api/reports/r-1/incidents', $1, 'h', 201, $2::jsonb, $3)`,
      [key, JSON.stringify(response), at],
    );
  const email = (id: string, body: string, at = daysAgo(0), recipient = 'skolan@norberg.se') =>
    db.query(
      `INSERT INTO outbox (email_id, message_id, recipient, subject, body, written_at)
       VALUES ($1, $2, $3, 'Påminnelse', $4, $5)`,
      [id, `<${id}@laget>`, recipient, body, at],
    );
  const keys = async () =>
    (await db.query<{ key: string }>('SELECT key FROM idempotency_keys ORDER BY key')).rows.map((r) => r.key);
  const emails = async () =>
    (await db.query<{ email_id: string }>('SELECT email_id FROM outbox ORDER BY email_id')).rows.map(
      (r) => r.email_id,
    );

  it('an erasure removes every stored answer and outbox e-mail that holds the person, and nothing else', async () => {
    await withTables();
    await answer('k-1', { id: 'i-1', incident: { comment: 'TURE  sventon hotade personalen' } });
    await answer('k-2', { id: 'i-2', incident: { comment: 'Klotter på gaveln' } });
    // A claim still being answered has no answer yet: it is no copy and stays.
    await db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ('user-1 POST /api/reports', 'k-3', 'h')`,
    );
    await email('e-1', 'Hej! Ture Sventon har inte rapporterat.');
    await email('e-2', 'Hej! Veckans rapport väntar.');
    await email('e-3', 'Hej!', daysAgo(0), 'ture.sventon@example.se');
    const matches = matcherFor({ text: 'Ture Sventon' });

    expect(await copies.erase(matches, true)).toEqual({ answers: 1, emails: 1 });
    expect(await keys()).toEqual(['k-1', 'k-2', 'k-3']);

    expect(await copies.erase(matches, false)).toEqual({ answers: 1, emails: 1 });
    expect(await keys()).toEqual(['k-2', 'k-3']);
    expect(await emails()).toEqual(['e-2', 'e-3']);
    expect(await copies.erase(matcherFor({ email: 'Ture.Sventon@example.se' }), false)).toEqual({
      answers: 0,
      emails: 1,
    });
    expect(await emails()).toEqual(['e-2']);
  });

  it('pages through many copies and finds those that hold the person on every page', async () => {
    await withTables();
    copies.pageSize = 3;
    for (let n = 0; n < 10; n++) {
      await answer(`k-${n}`, { comment: n % 4 === 0 ? 'Ture Sventon' : 'Lugnt' });
      await email(`e-${n}`, n % 3 === 0 ? 'Hej Ture Sventon' : 'Hej');
    }
    expect(await copies.erase(matcherFor({ text: 'Ture Sventon' }), false)).toEqual({
      answers: 3,
      emails: 4,
    });
    expect(await keys()).toHaveLength(7);
    expect(await emails()).toHaveLength(6);
  });

  it('a run removes the answers after the append keys’ days and the e-mails after the e-mail rule', async () => {
    await withTables();
    await answer('old', { id: 'i-1' }, daysAgo(31));
    await answer('new', { id: 'i-2' }, daysAgo(29));
    await email('old', 'Hej!', daysAgo(400));
    await email('new', 'Hej!', daysAgo(300));
    const rules = { answerDays: 30, emailMonths: 12 };

    expect(await copies.prune(rules, NOW, true)).toEqual({ answers: 1, emails: 1 });
    expect(await keys()).toEqual(['new', 'old']);
    expect(await copies.prune(rules, NOW, false)).toEqual({ answers: 1, emails: 1 });
    expect(await keys()).toEqual(['new']);
    expect(await emails()).toEqual(['new']);
  });

  it('has nothing to do where the tables are missing (SMTP configured: no outbox)', async () => {
    expect(await copies.prune({ answerDays: 30, emailMonths: 12 }, NOW, false)).toEqual({
      answers: 0,
      emails: 0,
    });
    expect(await copies.erase(() => true, false)).toEqual({ answers: 0, emails: 0 });
  });

  it('matches keys and texts at any depth, hostile text included', async () => {
    await withTables();
    await answer('deep', { a: [{ b: { 'Ture Sventon': 1 } }] });
    // jsonb takes no NUL or lone surrogate, and the boundary lets neither in (ADR 0013).
    await answer('hostile', { text: '\uFFFF\u202Eture\u00A0sventon' });
    await answer('other', { __proto__: 'x', constructor: ['Lugn vecka'] });
    expect(await copies.erase(matcherFor({ text: 'Ture Sventon' }), false)).toEqual({
      answers: 2,
      emails: 0,
    });
    expect(await keys()).toEqual(['other']);
  });
});
