import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { auditEntrySchema } from '@laget/contracts';
import { z } from 'zod';
import { asSubject } from '@laget/permissions';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { forbidden, setTotal } from '../identity/http-helpers.js';
import { parseInput } from '../platform/http/validation.js';
import { type AuditEntry, auditQuerySchema } from './audit-log.query.js';
import { AuditLogQuery } from './queries/index.js';

@ApiCapability('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail, newest first (filters: stream, actor, type, from, to)',
    query: auditQuerySchema,
    response: z.array(auditEntrySchema),
    paged: true,
  })
  async list(
    @Query() rawQuery: Record<string, unknown>,
    @CurrentCaller() caller: SignedInCaller,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AuditEntry[]> {
    const query = parseInput(auditQuerySchema, rawQuery, 'query');
    if (!caller.ability.can('read', asSubject('AuditLog', query.stream ? { stream: query.stream } : {}))) {
      throw forbidden();
    }
    const { entries, total } = await this.queryBus.execute(new AuditLogQuery(caller, query));
    setTotal(response, total);
    return entries;
  }
}
