import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  type AreaGeometry,
  areaImportAnswerSchema,
  areaSchema,
  defineAreaRequestSchema,
  editAreaRequestSchema,
  importAreasRequestSchema,
} from '@laget/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput, ValidationFailed } from '../platform/http/validation.js';
import { listAreas } from './area-list.js';
import {
  DefineAreaCommand,
  EditAreaCommand,
  ImportAreasCommand,
  RemoveAreaCommand,
} from './commands/index.js';
import { GetAreaQuery, ListAreasQuery } from './queries/index.js';
import { firstRingCrossing } from './ring-crossings.js';

const areaListQuery = z.object({
  q: z.string().max(200).optional(),
  // react-admin sends its own default (`id`); an unknown sort field is ignored rather than refused.
  sort: z.string().max(50).optional(),
  order: z.enum(['ASC', 'DESC', 'asc', 'desc']).optional(),
  // Without paging every area is answered: the maps draw all of them.
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  perPage: z.coerce.number().int().min(1).max(1000).optional(),
});

const idParam = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);

/**
 * A geometry whose rings cross is refused here, after the contract's schema, rather than in it:
 * the schema is shared with the panel, which does not need the sweep in its bundle.
 */
function refuseRingCrossings(geometry: AreaGeometry | undefined): void {
  const crossing = geometry && firstRingCrossing(geometry);
  if (crossing)
    throw new ValidationFailed([
      { field: ['body', 'geometry', ...crossing.path].join('.'), message: crossing.message },
    ]);
}

/** The areas (områden) of the map (issue 20): every login reads them; the coordinator keeps them. */
@ApiCapability('map')
@Controller('api/areas')
@UseInterceptors(IdempotencyInterceptor)
export class AreasController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The areas, by name, each with its number of places; all of them unless paged',
    query: areaListQuery,
    response: z.array(areaSchema),
    paged: true,
  })
  async list(
    @CurrentCaller() caller: SignedInCaller,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const options = parseInput(areaListQuery, query, 'query');
    const listed = listAreas(await this.queryBus.execute(new ListAreasQuery(caller)), options);
    response.header('X-Total-Count', String(listed.total));
    return listed.items;
  }

  @Post()
  @ApiOperation({
    summary: 'Define an area: a name and a GeoJSON Polygon or MultiPolygon in WGS84 (coordinator)',
    body: defineAreaRequestSchema,
    response: areaSchema,
    errors: [409, 422],
    errorNotes: { 409: 'An area of this name exists (names are compared as Swedish, case aside)' },
  })
  async define(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown) {
    const request = parseInput(defineAreaRequestSchema, body);
    refuseRingCrossings(request.geometry);
    return this.commandBus.execute(new DefineAreaCommand(caller, request));
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import areas from a GeoJSON FeatureCollection (coordinator): same name redraws, a new name defines, a broken feature is refused with its reason',
    body: importAreasRequestSchema,
    response: areaImportAnswerSchema,
    errors: [422],
  })
  async import(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown) {
    return this.commandBus.execute(
      new ImportAreasCommand(caller, parseInput(importAreasRequestSchema, body)),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One area', params: z.object({ id: idParam }), response: areaSchema })
  async get(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string) {
    return this.queryBus.execute(new GetAreaQuery(caller, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename or redraw an area (coordinator)',
    params: z.object({ id: idParam }),
    body: editAreaRequestSchema,
    response: areaSchema,
    errors: [409],
  })
  async edit(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    const request = parseInput(editAreaRequestSchema, body);
    refuseRingCrossings(request.geometry);
    return this.commandBus.execute(
      new EditAreaCommand(caller, id, request, expectedVersionOf(ifMatch, body)),
    );
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Remove an area (coordinator); its places then lie in no area or in another',
    params: z.object({ id: idParam }),
    response: areaSchema,
    errors: [409],
  })
  async remove(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.commandBus.execute(new RemoveAreaCommand(caller, id, expectedVersionOf(ifMatch)));
  }
}
