import { z } from 'zod';
import type { SqlExecutor } from '@laget/event-store';
import type { AuditEntry } from '@laget/contracts';

/** `GET /api/audit` filters (CONTRACT.md): stream, actor, from, to, plus type and the list parameters. */
export const auditQuerySchema = z.strictObject({
  stream: z.string().min(1).max(200).optional(),
  actor: z.string().min(1).max(200).optional(),
  type: z.string().min(1).max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(1000).default(50),
  sort: z.enum(['occurredAt', 'position']).optional(),
  order: z.enum(['ASC', 'DESC', 'asc', 'desc']).optional(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export type { AuditEntry } from '@laget/contracts';

interface AuditRow {
  global_position: number | string;
  event_id: string;
  stream_id: string;
  stream_kind: string;
  event_type: string;
  actor_id: string;
  organisation_id: string | null;
  occurred_at: Date | string;
  ip: string | null;
  data: unknown;
}

/** Newest first by default; `contentVisible` decides per stream kind whether `data` may be shown. */
export async function findAuditEntries(
  sql: SqlExecutor,
  query: AuditQuery,
  contentVisible: (streamKind: string) => boolean,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (query.stream) add('stream_id = ?', query.stream);
  if (query.actor) add('actor_id = ?', query.actor);
  if (query.type) add('event_type = ?', query.type);
  if (query.from) add('occurred_at >= ?::timestamptz', query.from);
  if (query.to) add('occurred_at <= ?::timestamptz', query.to);
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const direction = query.order?.toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
  const orderBy =
    query.sort === 'occurredAt'
      ? `occurred_at ${direction}, global_position ${direction}`
      : `global_position ${direction}`;

  const total = await sql.query<{ count: number | string }>(
    `SELECT count(*) AS count FROM audit_log ${filter}`,
    params,
  );
  const rows = await sql.query<AuditRow>(
    `SELECT * FROM audit_log ${filter} ORDER BY ${orderBy} LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}`,
    params,
  );
  return {
    total: Number(total.rows[0]?.count ?? 0),
    entries: rows.rows.map((row) => toEntry(row, contentVisible(row.stream_kind))),
  };
}

function toEntry(row: AuditRow, withData: boolean): AuditEntry {
  return {
    id: row.event_id,
    position: Number(row.global_position),
    streamId: row.stream_id,
    streamKind: row.stream_kind,
    type: row.event_type,
    actorId: row.actor_id,
    organisationId: row.organisation_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    ip: row.ip,
    ...(withData ? { data: row.data } : {}),
  };
}
