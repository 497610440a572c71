import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { periodId, periodSchema, placeSchema } from '@laget/contracts';
import { editPlaceRequestSchema, registerPlaceRequestSchema } from '@laget/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { EditPlaceCommand, RegisterPlaceCommand, RetirePlaceCommand } from './commands/index.js';
import {
  CrimeCategoriesQuery,
  IncidentCategoriesQuery,
  GetPeriodQuery,
  GetPlaceQuery,
  ListPeriodsQuery,
  ListPlacesQuery,
  placeAreasOf,
  withAreas,
} from './queries/index.js';
import { listPlaces } from './place-list.js';
import { pageQuery } from './reports.controller.js';

const periodListQuery = z.object({
  ...pageQuery,
  perPage: z.coerce.number().int().min(1).max(104).default(12),
  sort: z.string().max(50).optional(),
  order: z.enum(['ASC', 'DESC', 'asc', 'desc']).optional(),
});

/** Reporting periods (ISO weeks) with who has reported: every logged-in user may read them. */
@ApiCapability('periods')
@Controller('api/periods')
export class PeriodsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Reporting periods (ISO weeks), newest first',
    query: periodListQuery,
    response: z.array(periodSchema),
    paged: true,
  })
  async list(
    @CurrentCaller() _caller: SignedInCaller,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const { page, perPage } = parseInput(periodListQuery, query, 'query');
    const result = await this.queryBus.execute(new ListPeriodsQuery({ page, perPage }));
    response.header('X-Total-Count', String(result.total));
    return result.items;
  }

  @Get(':period')
  @ApiOperation({
    summary: 'A week with who has reported (compliance)',
    params: z.object({ period: periodId }),
    response: periodSchema,
  })
  async get(@CurrentCaller() _caller: SignedInCaller, @Param('period') period: string) {
    return this.queryBus.execute(new GetPeriodQuery(period));
  }
}

/** The crime categories of the police statistics, as this municipality configured them. */
@ApiCapability('reports')
@Controller('api/crime-categories')
export class CrimeCategoriesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The crime categories of the police statistics',
    response: z.array(z.object({ key: z.string(), label: z.string() }).loose()),
  })
  list(@CurrentCaller() _caller: SignedInCaller) {
    return this.queryBus.execute(new CrimeCategoriesQuery());
  }
}

/** The categories incidents are filed under, as this municipality configured them (issue 18). */
@ApiCapability('reports')
@Controller('api/incident-categories')
export class IncidentCategoriesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The incident categories a reporter picks from',
    response: z.array(z.object({ key: z.string(), label: z.string() })),
  })
  list(@CurrentCaller() _caller: SignedInCaller) {
    return this.queryBus.execute(new IncidentCategoriesQuery());
  }
}

const placeListQuery = z.object({
  retired: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  // react-admin sends its own default (`id`); an unknown sort field is ignored rather than refused.
  sort: z.string().max(50).optional(),
  order: z.enum(['ASC', 'DESC', 'asc', 'desc']).optional(),
  // Without paging the whole register is answered: every form that picks a place reads all of it.
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  perPage: z.coerce.number().int().min(1).max(1000).optional(),
});

/** The place register: everyone logged in reads it (to pick a place); the coordinator keeps it. */
@ApiCapability('places')
@Controller('api/places')
@UseInterceptors(IdempotencyInterceptor)
export class PlacesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The place register (retired places with ?retired=true); the whole of it unless paged',
    query: placeListQuery,
    response: z.array(placeSchema),
    paged: true,
  })
  async list(
    @CurrentCaller() _caller: SignedInCaller,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const { retired, q, sort, order, page, perPage } = parseInput(placeListQuery, query, 'query');
    const [places, areas] = await Promise.all([
      this.queryBus.execute(new ListPlacesQuery(retired === 'true')),
      placeAreasOf(this.queryBus),
    ]);
    const listed = listPlaces(places, { q, sort, order, page, perPage });
    response.header('X-Total-Count', String(listed.total));
    // Each place with the area (område) it lies in, where the map feature has areas.
    return withAreas(listed.items, areas);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One place of the register, retired or not', response: placeSchema })
  async get(@CurrentCaller() _caller: SignedInCaller, @Param('id') id: string) {
    const [place, areas] = await Promise.all([
      this.queryBus.execute(new GetPlaceQuery(id)),
      placeAreasOf(this.queryBus),
    ]);
    return withAreas([place], areas)[0];
  }

  @Post()
  @ApiOperation({
    summary: 'Register a place (coordinator)',
    body: registerPlaceRequestSchema,
    response: placeSchema,
    errors: [422],
  })
  async register(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown) {
    return this.commandBus.execute(
      new RegisterPlaceCommand(caller, parseInput(registerPlaceRequestSchema, body)),
    );
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename or move a place (coordinator)',
    body: editPlaceRequestSchema,
    response: placeSchema,
    errors: [422],
  })
  async edit(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    const request = parseInput(editPlaceRequestSchema, body);
    return this.commandBus.execute(
      new EditPlaceCommand(caller, id, request, expectedVersionOf(ifMatch, body)),
    );
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Retire a place (coordinator); reports keep their text',
    response: placeSchema,
    errors: [422],
  })
  async retire(
    @CurrentCaller() caller: SignedInCaller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.commandBus.execute(new RetirePlaceCommand(caller, id, expectedVersionOf(ifMatch)));
  }
}
