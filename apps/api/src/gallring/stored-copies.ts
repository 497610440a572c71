import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import { READ_DB } from '../platform/platform.tokens.js';
import { monthsBefore } from './retention-rules.js';

/** How many stored copies a run or an erasure removed (or would remove, in a dry run). */
export interface StoredCopiesRemoved {
  /** Answers kept for replaying an idempotent request (`idempotency_keys`). */
  answers: number;
  /** E-mails in the outbox (no SMTP_URL): recipient, subject and body in plain text. */
  emails: number;
}

/**
 * The copies of personal data that live outside the log and its read models, in plain text, and
 * so outside what shredding a key reaches (docs/adr/0025, "Stored copies"):
 *
 * - the answers the idempotency table keeps so a retried POST gets the first answer again (an
 *   incident's answer holds its comment). They are only needed while a client may retry: they go
 *   with the append keys after `appendKeyDays`, and an erasure removes every one that holds the
 *   person. Removing one is safe: a retry is then found by its append key, which records that the
 *   command was applied (ADR 0014), and is not applied twice;
 * - the outbox's e-mails, written where no SMTP server is configured and read in the panel. They
 *   go after the `email` rule's months, and an erasure removes each one that holds the person.
 *
 * Either table may be missing (the outbox exists only without SMTP): then there is nothing to do.
 */
@Injectable()
export class StoredCopies {
  /** Rows read at a time when an erasure looks through the copies (small in a test, to page). */
  pageSize = 500;

  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  /** Removes the copies past their time (answers after `answerDays` days, e-mails after `emailMonths`). */
  async prune(
    rules: { answerDays: number; emailMonths: number },
    now: Date,
    dryRun: boolean,
  ): Promise<StoredCopiesRemoved> {
    const answers = (await this.has('idempotency_keys'))
      ? await this.removeWhere(
          'idempotency_keys',
          `created_at < $1::timestamptz - make_interval(days => $2::int)`,
          [now.toISOString(), rules.answerDays],
          dryRun,
        )
      : 0;
    const emails = (await this.has('outbox'))
      ? await this.removeWhere(
          'outbox',
          'written_at < $1::timestamptz',
          [monthsBefore(now, rules.emailMonths).toISOString()],
          dryRun,
        )
      : 0;
    return { answers, emails };
  }

  /** Removes every copy with a text that holds the person (`matches`, the erasure's own test). */
  async erase(matches: (value: string) => boolean, dryRun: boolean): Promise<StoredCopiesRemoved> {
    const answers: { scope: string; key: string }[] = [];
    if (await this.has('idempotency_keys')) {
      // A page at a time (keyset): a month of answers need not be held in memory at once.
      let after = { scope: '', key: '' };
      for (;;) {
        const { rows } = await this.db.query<{ scope: string; key: string; response: unknown }>(
          `SELECT scope, key, response FROM idempotency_keys
           WHERE response IS NOT NULL AND (scope, key) > ($1, $2) ORDER BY scope, key LIMIT ${this.pageSize}`,
          [after.scope, after.key],
        );
        for (const row of rows) if (someText(row.response, matches)) answers.push(row);
        if (rows.length < this.pageSize) break;
        after = rows[rows.length - 1]!;
      }
    }
    const emails: string[] = [];
    if (await this.has('outbox')) {
      let after = '';
      for (;;) {
        const { rows } = await this.db.query<{
          email_id: string;
          recipient: string;
          subject: string;
          body: string;
        }>(
          `SELECT email_id, recipient, subject, body FROM outbox WHERE email_id > $1 ORDER BY email_id LIMIT ${this.pageSize}`,
          [after],
        );
        for (const row of rows)
          if ([row.recipient, row.subject, row.body].some(matches)) emails.push(row.email_id);
        if (rows.length < this.pageSize) break;
        after = rows[rows.length - 1]!.email_id;
      }
    }
    if (!dryRun && (answers.length > 0 || emails.length > 0)) {
      await this.db.transaction(async (tx) => {
        for (const { scope, key } of answers)
          await tx.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
        if (emails.length > 0)
          await tx.query('DELETE FROM outbox WHERE email_id = ANY($1::text[])', [emails]);
      });
    }
    return { answers: answers.length, emails: emails.length };
  }

  private async has(table: 'idempotency_keys' | 'outbox'): Promise<boolean> {
    const { rows } = await this.db.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [
      table,
    ]);
    return rows[0]?.found != null;
  }

  private async removeWhere(
    table: 'idempotency_keys' | 'outbox',
    where: string,
    params: unknown[],
    dryRun: boolean,
  ): Promise<number> {
    const { rows } = dryRun
      ? await this.db.query<{ n: number | string }>(
          `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
          params,
        )
      : await this.db.query<{ n: number | string }>(
          `WITH gone AS (DELETE FROM ${table} WHERE ${where} RETURNING 1) SELECT count(*) AS n FROM gone`,
          params,
        );
    return Number(rows[0]?.n ?? 0);
  }
}

/** Whether any string in a stored JSON answer (keys included) holds the person. */
function someText(value: unknown, matches: (text: string) => boolean): boolean {
  if (typeof value === 'string') return matches(value);
  if (Array.isArray(value)) return value.some((item) => someText(item, matches));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([key, item]) => matches(key) || someText(item, matches));
  return false;
}
