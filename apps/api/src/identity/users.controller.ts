import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  createdUserSchema,
  createUserRequestSchema,
  listQuerySchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  userSchema,
  type CreatedUserDto,
  type UserDto,
} from '@laget/contracts';
import { ROLES } from '@laget/permissions';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { expectedVersionOf } from '../platform/http/if-match.js';
import { parseInput } from '../platform/http/validation.js';
import { CurrentCaller, type SignedInCaller } from './caller.js';
import { ChangeUserCommand, CreateUserCommand, ResetPasswordCommand } from './commands/index.js';
import { booleanQuery, forbidden, givenOnly, oneOfQuery, pageRequestOf, sendPage } from './http-helpers.js';
import { IdentitySettings } from './identity.settings.js';
import { GetUserQuery, ListUsersQuery, userSubject } from './queries/index.js';
import type { UserRecord } from './users.read-model.js';

/** The list's query as pageRequestOf, booleanQuery and oneOfQuery read it, for the OpenAPI document. */
const userListQuery = listQuerySchema.extend({
  active: z.enum(['true', 'false']).optional(),
  role: z.enum(ROLES).optional(),
  organisationId: z.string().optional(),
});

@ApiCapability('users')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
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
    @CurrentCaller() caller: SignedInCaller,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<UserDto[]> {
    const page = pageRequestOf(query);
    const filter = givenOnly({
      active: booleanQuery(query.active, 'active'),
      role: oneOfQuery(query.role, 'role', ROLES),
      organisationId: typeof query.organisationId === 'string' ? query.organisationId : undefined,
    });
    return sendPage(response, await this.queryBus.execute(new ListUsersQuery(caller, filter, page)));
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
  async create(@CurrentCaller() caller: SignedInCaller, @Body() body: unknown): Promise<CreatedUserDto> {
    if (!caller.ability.can('create', 'User')) throw forbidden();
    const data = parseInput(createUserRequestSchema, body);
    const { userId, oneTimePassword } = await this.commandBus.execute(
      new CreateUserCommand(caller.context, {
        username: data.username,
        displayName: data.displayName,
        email: data.email ?? null,
        organisationId: data.organisationId ?? null,
        roles: data.roles,
      }),
    );
    return { ...(await this.queryBus.execute(new GetUserQuery(caller, userId))), oneTimePassword };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A login', response: userSchema })
  get(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller): Promise<UserDto> {
    return this.queryBus.execute(new GetUserQuery(caller, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change display name, e-mail, organisation, roles or active (admin); If-Match: version',
    body: updateUserRequestSchema,
    response: userSchema,
    errors: [422],
  })
  async update(
    @Param('id') id: string,
    @CurrentCaller() caller: SignedInCaller,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
  ): Promise<UserDto> {
    await this.requireAllowed(caller, 'update', id);
    const expectedVersion = expectedVersionOf(ifMatch, body);
    const changes = parseInput(updateUserRequestSchema, body);
    await this.commandBus.execute(new ChangeUserCommand(caller, id, changes, expectedVersion));
    return this.queryBus.execute(new GetUserQuery(caller, id));
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
    @Param('id') id: string,
    @CurrentCaller() caller: SignedInCaller,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
  ): Promise<{ oneTimePassword: string }> {
    await this.requireAllowed(caller, 'reset_password', id);
    const expectedVersion = expectedVersionOf(ifMatch, body);
    parseInput(resetPasswordRequestSchema, body ?? {});
    return this.commandBus.execute(new ResetPasswordCommand(caller, id, expectedVersion));
  }

  /** 404 for a login the caller may not see (GetUserQuery), 403 for one it may see but not change so. */
  private async requireAllowed(
    caller: SignedInCaller,
    action: 'update' | 'reset_password',
    id: string,
  ): Promise<UserRecord> {
    const user = await this.queryBus.execute(new GetUserQuery(caller, id));
    if (!caller.ability.can(action, userSubject(user, this.settings.fourEyes))) throw forbidden();
    return user;
  }
}
