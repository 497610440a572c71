import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { auditEntrySchema } from '@laget/contracts';
import { z } from 'zod';
import type { SqlDatabase } from '@laget/event-store';
import { type AppAbility, asSubject } from '@laget/permissions';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentActor } from '../identity/decorators.js';
import type { CurrentActorInfo } from '../identity/actor.js';
import { forbidden, setTotal } from '../identity/http-helpers.js';
import { READ_DB } from '../platform/platform.tokens.js';
import { parseInput } from '../platform/http/validation.js';
import { Projections } from '../platform/projections.service.js';
import { type AuditEntry, auditQuerySchema, findAuditEntries } from './audit-log.query.js';

/** Streams whose events carry report or lägesbild contents: an admin sees that they happened, not what they say. */
const CONTENT_STREAM_KINDS = new Set(['report', 'lagesbild', 'publication']);
const CONTENT_ROLES = new Set(['coordinator']);

@ApiCapability('audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: Projections,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail, newest first (filters: stream, actor, type, from, to)',
    query: auditQuerySchema,
    response: z.array(auditEntrySchema),
    paged: true,
  })
  async list(
    @Query() rawQuery: Record<string, unknown>,
    @CurrentAbility() ability: AppAbility,
    @CurrentActor() actor: CurrentActorInfo,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AuditEntry[]> {
    const query = parseInput(auditQuerySchema, rawQuery, 'query');
    if (!ability.can('read', asSubject('AuditLog', query.stream ? { stream: query.stream } : {}))) {
      throw forbidden();
    }
    const seesContent = actor.roles.some((role) => CONTENT_ROLES.has(role));
    await this.projections.waitUntilCaughtUp({ only: ['audit-log'] });
    const { entries, total } = await findAuditEntries(
      this.db,
      query,
      (kind) => seesContent || !CONTENT_STREAM_KINDS.has(kind),
    );
    setTotal(response, total);
    return entries;
  }
}
