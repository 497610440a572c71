import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import type { SignedInCaller } from '../../identity/index.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { Projections } from '../../platform/projections.service.js';
import { type AuditEntry, type AuditQuery, findAuditEntries } from '../audit-log.query.js';

/** Streams whose events carry report or lägesbild contents: an admin sees that they happened, not what they say. */
const CONTENT_STREAM_KINDS = new Set(['report', 'lagesbild', 'publication']);
const CONTENT_ROLES = new Set(['coordinator']);

/**
 * A page of the audit trail as `caller` may see it (the controller has checked that it may read
 * it at all): the contents of report and lägesbild events only for the coordinator.
 */
export class AuditLogQuery extends Query<{ entries: AuditEntry[]; total: number }> {
  constructor(
    readonly caller: SignedInCaller,
    readonly filter: AuditQuery,
  ) {
    super();
  }
}

@QueryHandler(AuditLogQuery)
export class AuditLogHandler implements IQueryHandler<AuditLogQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: Projections,
  ) {}

  async execute({ caller, filter }: AuditLogQuery): Promise<{ entries: AuditEntry[]; total: number }> {
    const seesContent = caller.actor.roles.some((role) => CONTENT_ROLES.has(role));
    // Read-after-write: what the caller just did is in the trail.
    await this.projections.waitUntilCaughtUp({ only: ['audit-log'] });
    return findAuditEntries(this.db, filter, (kind) => seesContent || !CONTENT_STREAM_KINDS.has(kind));
  }
}
