import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  apiTokenSchema,
  changePasswordRequestSchema,
  createApiTokenRequestSchema,
  issuedApiTokenSchema,
  loginRequestSchema,
  meSchema,
  type ApiTokenDto,
  type IssuedApiTokenDto,
  type MeDto,
} from '@laget/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppConfig } from '../config/app-config.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { parseInput } from '../platform/http/validation.js';
import { requestContext, type AuthenticatedRequest } from './actor.js';
import { SESSION_COOKIE } from './auth.guard.js';
import { CurrentCaller, type SignedInCaller } from './caller.js';
import {
  ChangeOwnPasswordCommand,
  IssueApiTokenCommand,
  LoginCommand,
  LogoutCommand,
  RevokeApiTokenCommand,
} from './commands/index.js';
import { AllowBeforePasswordChange, Public } from './decorators.js';
import { forbidden, sendPage } from './http-helpers.js';
import { IdentitySettings } from './identity.settings.js';
import { ListApiTokensQuery, MeQuery } from './queries/index.js';

/** The session of this request, where it is one (null with a Bearer token). */
const sessionOf = (request: AuthenticatedRequest) =>
  request.auth?.method === 'session' ? request.auth : null;

@ApiCapability('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
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
    const { cookieValue, user, csrfToken } = await this.commandBus.execute(
      new LoginCommand(requestContext(request), username, password),
    );
    response.setCookie(SESSION_COOKIE, cookieValue, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.publicBaseUrl.startsWith('https:'),
      path: '/',
      maxAge: Math.floor(this.settings.sessionAbsoluteMs / 1000), // @fastify/cookie counts seconds
    });
    return await this.queryBus.execute(new MeQuery(user, csrfToken));
  }

  @AllowBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session' })
  async logout(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
    @CurrentCaller() caller: SignedInCaller,
  ): Promise<void> {
    const session = sessionOf(request);
    if (session) await this.commandBus.execute(new LogoutCommand(caller, session.sessionIdHash));
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @AllowBeforePasswordChange()
  @Get('me')
  @ApiOperation({
    summary: 'Who is logged in, with packed CASL rules and the CSRF token',
    response: meSchema,
  })
  me(@Req() request: AuthenticatedRequest): Promise<MeDto> {
    return this.queryBus.execute(new MeQuery(request.user!, sessionOf(request)?.csrfToken ?? null));
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
    @CurrentCaller() caller: SignedInCaller,
    @Body() body: unknown,
  ): Promise<void> {
    const { currentPassword, newPassword } = parseInput(changePasswordRequestSchema, body);
    await this.commandBus.execute(
      new ChangeOwnPasswordCommand(caller, currentPassword, newPassword, sessionOf(request)?.sessionIdHash),
    );
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
    @CurrentCaller() caller: SignedInCaller,
    @Body() body: unknown,
  ): Promise<IssuedApiTokenDto> {
    // A token that could mint tokens would outlive its own revocation through its children.
    if (!sessionOf(request))
      throw forbidden(
        'Nya token skapas bara från en inloggad session, inte med en token (tokens are issued from a session only)',
      );
    const { name, expiresInDays } = parseInput(createApiTokenRequestSchema, body);
    return this.commandBus.execute(new IssueApiTokenCommand(caller, name, expiresInDays));
  }

  @Get('tokens')
  @ApiOperation({
    summary: 'Own tokens (all tokens for an admin)',
    response: z.array(apiTokenSchema),
    paged: true,
  })
  async listTokens(
    @CurrentCaller() caller: SignedInCaller,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApiTokenDto[]> {
    return sendPage(response, await this.queryBus.execute(new ListApiTokensQuery(caller)));
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token' })
  async revokeToken(@CurrentCaller() caller: SignedInCaller, @Param('id') id: string): Promise<void> {
    await this.commandBus.execute(new RevokeApiTokenCommand(caller, id));
  }
}
