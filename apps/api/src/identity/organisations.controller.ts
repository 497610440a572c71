import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  createOrganisationRequestSchema,
  listQuerySchema,
  ORGANISATION_KINDS,
  organisationSchema,
  updateOrganisationRequestSchema,
  type OrganisationDto,
} from '@laget/contracts';
import { asSubject } from '@laget/permissions';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import { CurrentCaller, type SignedInCaller } from './caller.js';
import { ChangeOrganisationCommand, RegisterOrganisationCommand } from './commands/index.js';
import { booleanQuery, forbidden, givenOnly, oneOfQuery, pageRequestOf, sendPage } from './http-helpers.js';
import { GetOrganisationQuery, ListOrganisationsQuery } from './queries/index.js';

/** The list's query as pageRequestOf, booleanQuery and oneOfQuery read it, for the OpenAPI document. */
const organisationListQuery = listQuerySchema.extend({
  active: z.enum(['true', 'false']).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
});

@ApiCapability('organisations')
@Controller('api/organisations')
export class OrganisationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Organisations (actors); filters: active, kind',
    query: organisationListQuery,
    response: z.array(organisationSchema),
    paged: true,
  })
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentCaller() { ability }: SignedInCaller,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<OrganisationDto[]> {
    if (!ability.can('read', 'Organisation')) throw forbidden();
    const page = pageRequestOf(query);
    const filter = givenOnly({
      active: booleanQuery(query.active, 'active'),
      kind: oneOfQuery(query.kind, 'kind', ORGANISATION_KINDS),
    });
    return sendPage(response, await this.queryBus.execute(new ListOrganisationsQuery(filter, page)));
  }

  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'Register an organisation (admin)',
    body: createOrganisationRequestSchema,
    response: organisationSchema,
    errors: [422],
  })
  async create(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown): Promise<OrganisationDto> {
    if (!caller.ability.can('create', 'Organisation')) throw forbidden();
    const data = parseInput(createOrganisationRequestSchema, body);
    const { state, version } = await this.commandBus.execute(
      new RegisterOrganisationCommand(caller.context, data),
    );
    if (state.status !== 'registered') throw new Error('organisation not registered');
    // The registration time is the event's, which the read model (applied with the append) holds.
    const registered = await this.queryBus.execute(new GetOrganisationQuery(caller, state.id));
    return { ...registered, version };
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organisation', response: organisationSchema })
  get(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller): Promise<OrganisationDto> {
    return this.queryBus.execute(new GetOrganisationQuery(caller, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename, change kind, deactivate or reactivate (admin); If-Match: version',
    body: updateOrganisationRequestSchema,
    response: organisationSchema,
    errors: [422],
  })
  async update(
    @Param('id') id: string,
    @CurrentCaller() caller: SignedInCaller,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
  ): Promise<OrganisationDto> {
    await this.queryBus.execute(new GetOrganisationQuery(caller, id));
    if (!caller.ability.can('update', asSubject('Organisation', { id }))) throw forbidden();
    const expectedVersion = expectedVersionOf(ifMatch, body);
    const changes = parseInput(updateOrganisationRequestSchema, body);
    await this.commandBus.execute(new ChangeOrganisationCommand(caller, id, changes, expectedVersion));
    return this.queryBus.execute(new GetOrganisationQuery(caller, id));
  }
}
