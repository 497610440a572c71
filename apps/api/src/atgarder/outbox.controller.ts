import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { parseInput } from '../platform/http/validation.js';
import { OutboxQuery } from './queries/outbox.query.js';

const outboxListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(25),
  recipient: z.string().max(320).optional(),
  sort: z.string().max(50).optional(),
  order: z.enum(['ASC', 'DESC', 'asc', 'desc']).optional(),
});

const outboxMessage = z.object({
  id: z.string(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  writtenAt: z.string(),
});

/** The outbox (no SMTP_URL): what Läget would have e-mailed, for the admin (README, "Utkorg"). */
@ApiCapability('jobs')
@Controller('api/outbox')
export class OutboxController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'E-mails written to the outbox where no SMTP server is configured, newest first (admin)',
    query: outboxListQuery,
    response: z.array(outboxMessage),
    paged: true,
  })
  async list(
    @CurrentCaller() caller: SignedInCaller,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const { page, perPage, recipient } = parseInput(outboxListQuery, query, 'query');
    const result = await this.queryBus.execute(
      new OutboxQuery(caller, { offset: (page - 1) * perPage, limit: perPage }, recipient),
    );
    response.header('X-Total-Count', String(result.total));
    return result.items;
  }
}
