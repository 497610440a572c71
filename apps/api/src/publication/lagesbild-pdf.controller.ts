import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { openMapPreviewSchema, periodId } from '@laget/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { viewOf } from '../lagesbild/queries/read-lagesbild.query.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { parseInput } from '../platform/http/validation.js';
import { LagesbildVersionPdfQuery, OpenMapPreviewQuery } from './queries/index.js';

/** `?view=internal|open|audience:<name>`: every version a person may read; the draft has no PDF. */
const pdfViewQuery = z.strictObject({
  view: z
    .union([z.enum(['internal', 'open']), z.string().regex(/^audience:[a-z0-9][a-z0-9-]{0,39}$/)], {
      error:
        'Version: ska vara internal, open eller audience:<namn> / view: must be internal, open or audience:<name>',
    })
    .default('internal'),
});

/**
 * A version of the week's lägesbild as PDF (issue 18, point 6), before a meeting or to file; and
 * the open map as publishing now would count it, for the reviewer before approving (ADR 0030).
 */
@ApiCapability('lagesbilder')
@Controller('api/lagesbilder')
export class LagesbildPdfController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'One version as PDF; the internal one marked on every page, its download recorded as a read',
    params: z.object({ id: periodId }),
    query: pdfViewQuery,
    produces: { 'application/pdf': undefined },
  })
  async pdf(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Query() query: unknown,
    @Res() res: FastifyReply,
  ) {
    const period = parseInput(periodId, id, 'params');
    const { view } = parseInput(pdfViewQuery, query, 'query');
    const { pdf, fileName } = await this.queryBus.execute(
      new LagesbildVersionPdfQuery(
        caller,
        period,
        viewOf(view) as Exclude<ReturnType<typeof viewOf>, { kind: 'draft' }>,
      ),
    );
    res.header('Content-Disposition', `attachment; filename="${fileName}"`);
    // Not public, and the internal one is confidential: no cache keeps a copy.
    res.header('Cache-Control', 'private, no-store');
    res.type('application/pdf').status(200).send(pdf);
  }

  @Get(':id/open-map-preview')
  @ApiOperation({
    summary:
      'The open map as publishing now would count it (areas in force, small cells hidden): what the reviewer approves with',
    params: z.object({ id: periodId }),
    response: openMapPreviewSchema,
    errors: [403],
  })
  async openMapPreview(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string) {
    const period = parseInput(periodId, id, 'params');
    return this.queryBus.execute(new OpenMapPreviewQuery(caller, period));
  }
}
