import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { listQuerySchema, organisationSchema } from '@laget/contracts';
import { z } from 'zod';
import {
  createOrganisationRequestSchema,
  ORGANISATION_KINDS,
  updateOrganisationRequestSchema,
  type OrganisationDto,
} from '@laget/contracts';
import { asSubject, type AppAbility } from '@laget/permissions';
import type { FastifyReply } from 'fastify';
import { notFound } from '../platform/domain/domain-error.js';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import { AccountsService } from './accounts.service.js';
import { requestContext, type AuthenticatedRequest } from './actor.js';
import { CurrentAbility } from './decorators.js';
import { booleanQuery, forbidden, oneOfQuery, pageOf, setTotal } from './http-helpers.js';
import type { OrganisationCommand } from './organisation.decider.js';
import { OrganisationsReadModel } from './organisations.read-model.js';

/** The list's query as pageOf, booleanQuery and oneOfQuery read it, for the OpenAPI document. */
const organisationListQuery = listQuerySchema.extend({
  active: z.enum(['true', 'false']).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
});

@ApiCapability('organisations')
@Controller('api/organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsReadModel,
    private readonly accounts: AccountsService,
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
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<OrganisationDto[]> {
    if (!ability.can('read', 'Organisation')) throw forbidden();
    const page = pageOf(query);
    const active = booleanQuery(query.active, 'active');
    const kind = oneOfQuery(query.kind, 'kind', ORGANISATION_KINDS);
    const { items, total } = await this.organisations.list(
      { ...(active === undefined ? {} : { active }), ...(kind === undefined ? {} : { kind }) },
      {
        offset: page.offset,
        limit: page.limit,
        ...(page.sort ? { sort: page.sort } : {}),
        order: page.direction,
      },
    );
    setTotal(response, total);
    return items;
  }

  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'Register an organisation (admin)',
    body: createOrganisationRequestSchema,
    response: organisationSchema,
    errors: [422],
  })
  async create(
    @Req() request: AuthenticatedRequest,
    @CurrentAbility() ability: AppAbility,
    @Body() body: unknown,
  ): Promise<OrganisationDto> {
    if (!ability.can('create', 'Organisation')) throw forbidden();
    const data = parseInput(createOrganisationRequestSchema, body);
    const result = await this.accounts.registerOrganisation(data, requestContext(request));
    const state = result.state;
    if (state.status !== 'registered') throw new Error('organisation not registered');
    return {
      id: state.id,
      name: state.name,
      kind: state.kind,
      active: state.active,
      version: result.version,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organisation', response: organisationSchema })
  async get(@Param('id') id: string, @CurrentAbility() ability: AppAbility): Promise<OrganisationDto> {
    const organisation = await this.organisations.get(id);
    if (!organisation || !ability.can('read', asSubject('Organisation', { id })))
      throw notFound('Organisation');
    return organisation;
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename, change kind, deactivate or reactivate (admin); If-Match: version',
    body: updateOrganisationRequestSchema,
    response: organisationSchema,
    errors: [422],
  })
  async update(
    @Req() request: AuthenticatedRequest,
    @Param('id') id: string,
    @CurrentAbility() ability: AppAbility,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
  ): Promise<OrganisationDto> {
    const organisation = await this.organisations.get(id);
    if (!organisation || !ability.can('read', asSubject('Organisation', { id })))
      throw notFound('Organisation');
    if (!ability.can('update', asSubject('Organisation', { id }))) throw forbidden();
    const expectedVersion = expectedVersionOf(ifMatch, body);
    const data = parseInput(updateOrganisationRequestSchema, body);
    const commands: OrganisationCommand[] = [];
    if (data.name !== undefined) commands.push({ type: 'RenameOrganisation', data: { name: data.name } });
    if (data.kind !== undefined) commands.push({ type: 'ChangeOrganisationKind', data: { kind: data.kind } });
    if (data.active === false) commands.push({ type: 'DeactivateOrganisation', data: {} });
    if (data.active === true) commands.push({ type: 'ReactivateOrganisation', data: {} });
    if (commands.length === 0 && expectedVersion !== undefined && expectedVersion !== organisation.version)
      await this.accounts.changeOrganisation(
        id,
        [{ type: 'RenameOrganisation', data: { name: organisation.name } }],
        requestContext(request),
        expectedVersion,
      );
    await this.accounts.changeOrganisation(id, commands, requestContext(request), expectedVersion);
    return (await this.organisations.get(id))!;
  }
}
