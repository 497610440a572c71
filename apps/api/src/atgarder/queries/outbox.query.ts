import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import { asSubject } from '@laget/permissions';
import type { Caller } from '../../identity/index.js';
import { DomainError } from '../../platform/domain/domain-error.js';
import { READ_DB } from '../../platform/platform.tokens.js';

export interface OutboxMessage {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  writtenAt: string;
}

/**
 * The e-mails the outbox transport wrote (platform/jobs/email, without SMTP_URL), newest first:
 * the admin panel's "Utkorg". Empty where SMTP is configured and the table was never made.
 */
export class OutboxQuery extends Query<{ items: OutboxMessage[]; total: number }> {
  constructor(
    readonly caller: Caller,
    readonly page: { offset: number; limit: number },
    readonly recipient?: string,
  ) {
    super();
  }
}

@QueryHandler(OutboxQuery)
export class OutboxHandler implements IQueryHandler<OutboxQuery> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ caller, page, recipient }: OutboxQuery) {
    if (!caller.ability.can('read', asSubject('Outbox', {}))) {
      throw new DomainError(
        'forbidden',
        'Bara administratören läser utkorgen / Only the admin reads the outbox',
      );
    }
    const { rows: exists } = await this.db.query<{ table: string | null }>(
      "SELECT to_regclass('outbox')::text AS table",
    );
    if (!exists[0]?.table) return { items: [], total: 0 };
    const filter = recipient ?? null;
    const { rows } = await this.db.query<{
      email_id: string;
      recipient: string;
      subject: string;
      body: string;
      written_at: Date | string;
      total: number | string;
    }>(
      `SELECT email_id, recipient, subject, body, written_at, count(*) OVER () AS total FROM outbox
        WHERE ($1::text IS NULL OR recipient = $1)
        ORDER BY written_at DESC, email_id LIMIT $2 OFFSET $3`,
      [filter, page.limit, page.offset],
    );
    return {
      items: rows.map((row) => ({
        id: row.email_id,
        recipient: row.recipient,
        subject: row.subject,
        body: row.body,
        writtenAt: new Date(row.written_at).toISOString(),
      })),
      total: Number(rows[0]?.total ?? 0),
    };
  }
}
