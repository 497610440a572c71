import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { apiTokenSchema, issuedApiTokenSchema, meSchema } from '@laget/contracts';
import { z } from 'zod';
import {
  changePasswordRequestSchema,
  createApiTokenRequestSchema,
  loginRequestSchema,
  type ApiTokenDto,
  type IssuedApiTokenDto,
  type MeDto,
} from '@laget/contracts';
import { asSubject, type AppAbility } from '@laget/permissions';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config.js';
import { notFound } from '../platform/domain/domain-error.js';
import { apiError } from '../platform/http/api-error.js';
import { parseInput } from '../platform/http/validation.js';
import { requestContext, type AuthenticatedRequest, type CurrentActorInfo } from './actor.js';
import { ApiTokensStore } from './api-tokens.store.js';
import { SESSION_COOKIE } from './auth.guard.js';
import { AuthService, TooManyAttempts } from './auth.service.js';
import { AllowBeforePasswordChange, CurrentAbility, CurrentActor, Public } from './decorators.js';
import { IdentitySettings } from './identity.settings.js';

@ApiCapability('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: ApiTokensStore,
    private readonly config: AppConfig,
    private readonly settings: IdentitySettings,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start a session (httpOnly cookie); 401 on a wrong pair, 429 when locked or rate-limited',
    body: loginRequestSchema,
    response: meSchema,
    errors: [401, 429],
  })
  async login(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
    @Body() body: unknown,
  ): Promise<MeDto> {
    const { username, password } = parseInput(loginRequestSchema, body);
    try {
      const { cookieValue, user, csrfToken } = await this.auth.login(
        username,
        password,
        requestContext(request),
      );
      response.setCookie(SESSION_COOKIE, cookieValue, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.config.publicBaseUrl.startsWith('https:'),
        path: '/',
        maxAge: Math.floor(this.settings.sessionAbsoluteMs / 1000), // @fastify/cookie counts seconds
      });
      return this.auth.me(user, csrfToken);
    } catch (error) {
      if (error instanceof TooManyAttempts)
        response.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
      throw error;
    }
  }

  @AllowBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session' })
  async logout(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
    @CurrentActor() actor: CurrentActorInfo,
  ): Promise<void> {
    if (request.auth?.method === 'session')
      await this.auth.logout(actor, request.auth.sessionIdHash, requestContext(request));
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @AllowBeforePasswordChange()
  @Get('me')
  @ApiOperation({
    summary: 'Who is logged in, with packed CASL rules and the CSRF token',
    response: meSchema,
  })
  me(@Req() request: AuthenticatedRequest): MeDto {
    const csrf = request.auth?.method === 'session' ? request.auth.csrfToken : null;
    return this.auth.me(request.user!, csrf);
  }

  @AllowBeforePasswordChange()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change the own password (ends the other sessions)',
    body: changePasswordRequestSchema,
    errors: [422],
  })
  async changePassword(
    @Req() request: AuthenticatedRequest,
    @CurrentActor() actor: CurrentActorInfo,
    @Body() body: unknown,
  ): Promise<void> {
    const { currentPassword, newPassword } = parseInput(changePasswordRequestSchema, body);
    const keep = request.auth?.method === 'session' ? request.auth.sessionIdHash : undefined;
    await this.auth.changePassword(actor, currentPassword, newPassword, requestContext(request), keep);
  }

  @Post('tokens')
  @ApiOperation({
    summary:
      'Issue a Bearer token for an integration (from a logged-in session only; 403 with a token); the secret is shown once',
    body: createApiTokenRequestSchema,
    response: issuedApiTokenSchema,
  })
  async issueToken(
    @Req() request: AuthenticatedRequest,
    @CurrentActor() actor: CurrentActorInfo,
    @Body() body: unknown,
  ): Promise<IssuedApiTokenDto> {
    // A token that could mint tokens would outlive its own revocation through its children.
    if (request.auth?.method !== 'session')
      throw new ForbiddenException(
        apiError(
          403,
          'Nya token skapas bara från en inloggad session, inte med en token (tokens are issued from a session only)',
        ),
      );
    const { name, expiresInDays } = parseInput(createApiTokenRequestSchema, body);
    return this.auth.issueToken(actor, name, expiresInDays, requestContext(request));
  }

  @Get('tokens')
  @ApiOperation({
    summary: 'Own tokens (all tokens for an admin)',
    response: z.array(apiTokenSchema),
    paged: true,
  })
  async listTokens(
    @CurrentActor() actor: CurrentActorInfo,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApiTokenDto[]> {
    const all = ability.can('read', asSubject('ApiToken', { id: '*', ownerId: '*' }));
    const tokens = await this.tokens.list(all ? null : actor.userId);
    response.header('X-Total-Count', String(tokens.length));
    return tokens;
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token' })
  async revokeToken(
    @Req() request: AuthenticatedRequest,
    @CurrentActor() actor: CurrentActorInfo,
    @CurrentAbility() ability: AppAbility,
    @Param('id') id: string,
  ): Promise<void> {
    const token = await this.tokens.get(id);
    if (!token || !ability.can('delete', asSubject('ApiToken', { id: token.id, ownerId: token.ownerId })))
      throw notFound('API token');
    if (!token.revoked) await this.auth.revokeToken(token.id, token.ownerId, actor, requestContext(request));
  }
}
