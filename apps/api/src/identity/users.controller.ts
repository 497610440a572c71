import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { listQuerySchema, createdUserSchema, userSchema } from '@laget/contracts';
import { z } from 'zod';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  type CreatedUserDto,
  type UserDto,
} from '@laget/contracts';
import { asSubject, ROLES, type AppAbility } from '@laget/permissions';
import type { FastifyReply } from 'fastify';
import { DomainError, notFound, ruleBroken } from '../platform/domain/domain-error.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import { AccountsService } from './accounts.service.js';
import { requestContext, type AuthenticatedRequest, type CurrentActorInfo } from './actor.js';
import { CurrentAbility, CurrentActor } from './decorators.js';
import { IdentitySettings } from './identity.settings.js';
import { booleanQuery, forbidden, oneOfQuery, pageOf, setTotal } from './http-helpers.js';
import { OrganisationsReadModel } from './organisations.read-model.js';
import type { UserCommand } from './user.decider.js';
import { UsersReadModel, type UserRecord } from './users.read-model.js';

/** `fourEyes`: where the municipality requires it, only an admin resets those who approve (the matrix says so). */
/** The list's query as pageOf, booleanQuery and oneOfQuery read it, for the OpenAPI document. */
const userListQuery = listQuerySchema.extend({
  active: z.enum(['true', 'false']).optional(),
  role: z.enum(ROLES).optional(),
  organisationId: z.string().optional(),
});

const subjectOf = (user: UserRecord, fourEyes: boolean) =>
  asSubject('User', { id: user.id, roles: user.roles, organisationId: user.organisationId, fourEyes });

@ApiCapability('users')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly users: UsersReadModel,
    private readonly organisations: OrganisationsReadModel,
    private readonly accounts: AccountsService,
    private readonly settings: IdentitySettings,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Logins the caller may see (all for admin and coordinator, else only the own); filters: organisationId, role, active',
    query: userListQuery,
    response: z.array(userSchema),
    paged: true,
  })
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: CurrentActorInfo,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<UserDto[]> {
    const page = pageOf(query);
    const seesEveryone = ability.can(
      'read',
      asSubject('User', { id: '\u0000any', roles: [], organisationId: null }),
    );
    const active = booleanQuery(query.active, 'active');
    const role = oneOfQuery(query.role, 'role', ROLES);
    const organisationId = typeof query.organisationId === 'string' ? query.organisationId : undefined;
    const { items, total } = await this.users.list(
      {
        ...(active === undefined ? {} : { active }),
        ...(role === undefined ? {} : { role }),
        ...(organisationId === undefined ? {} : { organisationId }),
        ...(seesEveryone ? {} : { onlyIds: [actor.userId] }),
      },
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
  // No Idempotency-Key replay here: it would keep the one-time password in clear in the key store.
  // A retried create is still harmless: the username is reserved, so the retry gets 409.
  @ApiOperation({
    summary: 'Create a login (admin); the answer carries a one-time password, shown once',
    body: createUserRequestSchema,
    response: createdUserSchema,
    errors: [409, 422],
  })
  async create(
    @Req() request: AuthenticatedRequest,
    @CurrentAbility() ability: AppAbility,
    @Body() body: unknown,
  ): Promise<CreatedUserDto> {
    if (!ability.can('create', 'User')) throw forbidden();
    const data = parseInput(createUserRequestSchema, body);
    await this.requireOrganisation(data.organisationId ?? null);
    const { userId, oneTimePassword } = await this.accounts.createUser(
      {
        username: data.username,
        displayName: data.displayName,
        email: data.email ?? null,
        organisationId: data.organisationId ?? null,
        roles: data.roles,
      },
      requestContext(request),
    );
    return { ...(await this.users.get(userId))!, oneTimePassword };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A login', response: userSchema })
  async get(@Param('id') id: string, @CurrentAbility() ability: AppAbility): Promise<UserDto> {
    return this.readable(id, ability);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change display name, e-mail, organisation, roles or active (admin); If-Match: version',
    body: updateUserRequestSchema,
    response: userSchema,
    errors: [422],
  })
  async update(
    @Req() request: AuthenticatedRequest,
    @Param('id') id: string,
    @CurrentActor() actor: CurrentActorInfo,
    @CurrentAbility() ability: AppAbility,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
  ): Promise<UserDto> {
    const user = await this.readable(id, ability);
    if (!ability.can('update', subjectOf(user, this.settings.fourEyes))) throw forbidden();
    const expectedVersion = expectedVersionOf(ifMatch, body);
    const data = parseInput(updateUserRequestSchema, body);
    if (
      id === actor.userId &&
      (data.active === false || (data.roles && !data.roles.includes('admin') && user.roles.includes('admin')))
    )
      throw ruleBroken(
        'Du kan inte inaktivera dig själv eller ta bort din egen administratörsroll (ask another admin)',
        {
          field: data.active === false ? 'active' : 'roles',
        },
      );
    if (data.organisationId !== undefined && data.organisationId !== user.organisationId)
      await this.requireOrganisation(data.organisationId);
    const commands: UserCommand[] = [];
    const details = {
      ...(data.displayName === undefined ? {} : { displayName: data.displayName }),
      ...(data.email === undefined ? {} : { email: data.email }),
      ...(data.organisationId === undefined ? {} : { organisationId: data.organisationId }),
    };
    if (Object.keys(details).length > 0) commands.push({ type: 'ChangeUserDetails', data: details });
    if (data.roles !== undefined) commands.push({ type: 'ChangeUserRoles', data: { roles: data.roles } });
    if (data.active === false) commands.push({ type: 'DeactivateUser', data: {} });
    if (data.active === true) commands.push({ type: 'ReactivateUser', data: {} });
    // An empty change still answers 409 to a stale version, as every change does.
    if (commands.length === 0) commands.push({ type: 'ChangeUserDetails', data: {} });
    await this.accounts.changeUser(id, commands, requestContext(request), expectedVersion);
    return (await this.users.get(id))!;
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a one-time password (admin; coordinator for non-admins); ends the login’s sessions',
    body: resetPasswordRequestSchema,
    bodyRequired: false,
    response: createdUserSchema,
    errors: [422],
  })
  async resetPassword(
    @Req() request: AuthenticatedRequest,
    @Param('id') id: string,
    @CurrentAbility() ability: AppAbility,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
  ): Promise<{ oneTimePassword: string }> {
    const user = await this.readable(id, ability);
    if (!ability.can('reset_password', subjectOf(user, this.settings.fourEyes))) throw forbidden();
    const expectedVersion = expectedVersionOf(ifMatch, body);
    parseInput(resetPasswordRequestSchema, body ?? {});
    return {
      oneTimePassword: await this.accounts.resetPassword(id, requestContext(request), expectedVersion),
    };
  }

  /** 404 for a login the caller may not see, as if it did not exist. */
  private async readable(id: string, ability: AppAbility): Promise<UserRecord> {
    const user = await this.users.get(id);
    if (!user || !ability.can('read', subjectOf(user, this.settings.fourEyes))) throw notFound('User');
    return user;
  }

  /** The organisation a login is created in or moved to: it must exist and be active. */
  private async requireOrganisation(organisationId: string | null): Promise<void> {
    if (organisationId === null) return;
    const organisation = await this.organisations.get(organisationId);
    if (!organisation)
      throw new DomainError('rule', `Organisationen ${organisationId} finns inte (unknown organisation)`, {
        field: 'organisationId',
      });
    if (!organisation.active)
      throw new DomainError(
        'rule',
        `Organisationen ${organisation.name} är inaktiverad; inga inloggningar kan läggas till i den (the organisation is deactivated)`,
        { field: 'organisationId' },
      );
  }
}
