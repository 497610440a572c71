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
import { notFound } from '../platform/domain/domain-error.js';
import { pageQuery } from './reports.controller.js';
import { CurrentCaller } from './reporting-caller.js';
import { ReportingService, type Caller } from './reporting.service.js';

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
  constructor(private readonly reporting: ReportingService) {}

  @Get()
  @ApiOperation({
    summary: 'Reporting periods (ISO weeks), newest first',
    query: periodListQuery,
    response: z.array(periodSchema),
    paged: true,
  })
  async list(
    @CurrentCaller() _caller: Caller,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const { page, perPage } = parseInput(periodListQuery, query, 'query');
    const result = await this.reporting.listPeriods({ page, perPage });
    response.header('X-Total-Count', String(result.total));
    return result.items;
  }

  @Get(':period')
  @ApiOperation({
    summary: 'A week with who has reported (compliance)',
    params: z.object({ period: periodId }),
    response: periodSchema,
  })
  async get(@CurrentCaller() _caller: Caller, @Param('period') period: string) {
    return this.reporting.getPeriod(period);
  }
}

/** The crime categories of the police statistics, as this municipality configured them. */
@ApiCapability('reports')
@Controller('api/crime-categories')
export class CrimeCategoriesController {
  constructor(private readonly reporting: ReportingService) {}

  @Get()
  @ApiOperation({
    summary: 'The crime categories of the police statistics',
    response: z.array(z.object({ key: z.string(), label: z.string() }).loose()),
  })
  list(@CurrentCaller() _caller: Caller) {
    return this.reporting.settings.crimeCategories;
  }
}

/** The place register: everyone logged in reads it (to pick a place); the coordinator keeps it. */
@ApiCapability('places')
@Controller('api/places')
@UseInterceptors(IdempotencyInterceptor)
export class PlacesController {
  constructor(private readonly reporting: ReportingService) {}

  @Get()
  @ApiOperation({
    summary: 'The place register (retired places with ?retired=true)',
    query: z.object({ retired: z.enum(['true', 'false']).optional() }),
    response: z.array(placeSchema),
    paged: true,
  })
  async list(
    @CurrentCaller() _caller: Caller,
    @Query('retired') retired: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const places = await this.reporting.listPlaces(retired === 'true');
    response.header('X-Total-Count', String(places.length));
    return places;
  }

  // react-admin's edit page reads one record (getOne). The register is small and every logged-in
  // user may read all of it, so one place is read from the same list as GET /api/places.
  @Get(':id')
  @ApiOperation({ summary: 'One place of the register, retired or not', response: placeSchema })
  async get(@CurrentCaller() _caller: Caller, @Param('id') id: string) {
    const place = (await this.reporting.listPlaces(true)).find((candidate) => candidate.id === id);
    if (!place) throw notFound('Place');
    return place;
  }

  @Post()
  @ApiOperation({
    summary: 'Register a place (coordinator)',
    body: registerPlaceRequestSchema,
    response: placeSchema,
    errors: [422],
  })
  async register(@CurrentCaller() caller: Caller, @Body() body: unknown) {
    return this.reporting.registerPlace(caller, parseInput(registerPlaceRequestSchema, body));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename or move a place (coordinator)',
    body: editPlaceRequestSchema,
    response: placeSchema,
    errors: [422],
  })
  async edit(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    const request = parseInput(editPlaceRequestSchema, body);
    return this.reporting.editPlace(caller, id, request, expectedVersionOf(ifMatch, body));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Retire a place (coordinator); reports keep their text',
    response: placeSchema,
    errors: [422],
  })
  async retire(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.reporting.retirePlace(caller, id, expectedVersionOf(ifMatch));
  }
}
