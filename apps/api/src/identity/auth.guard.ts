import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defineAbilityFor } from '@laget/permissions';
import { AppConfig } from '../config/app-config.js';
import { apiError } from '../platform/http/api-error.js';
import { headerOf } from '../platform/http/headers.js';
import type { AuthenticatedRequest } from './actor.js';
import { ApiTokensStore } from './api-tokens.store.js';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC } from './decorators.js';
import { sameSecret } from './secrets.js';
import { SessionsStore } from './sessions.store.js';
import type { UserRecord } from './users.read-model.js';
import { abilityOf } from './ability-cache.js';

export const SESSION_COOKIE = 'laget_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: every route needs a login unless marked `@Public()`. The login comes from
 * `Authorization: Bearer` or the session cookie, and the user is read afresh on every request, so
 * deactivation (of the login or its organisation) and role changes apply at once. Cookie sessions must send X-CSRF-Token on
 * state-changing requests, and from no foreign Origin; a login with a one-time password may only change it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsStore,
    private readonly tokens: ApiTokensStore,
    config: AppConfig,
  ) {
    this.publicOrigin = new URL(config.publicBaseUrl).origin;
  }

  private readonly publicOrigin: string;

  /**
   * A browser names the page that sent a state-changing request in `Origin`; only Läget's own
   * pages (PUBLIC_BASE_URL's origin, or the host the request was sent to) may act with its
   * cookie. Defence in depth beside SameSite=Strict and the CSRF token. No Origin (a client that
   * is not a browser) is left to the CSRF token; `Origin: null` (sandboxed or opaque) is foreign.
   */
  private sameOrigin(request: AuthenticatedRequest): boolean {
    const origin = headerOf(request, 'origin');
    if (origin === undefined) return true;
    if (origin === this.publicOrigin) return true;
    try {
      return new URL(origin).host === request.host;
    } catch {
      return false;
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const authenticated = await this.authenticate(request, !isPublic);
    if (!authenticated) {
      if (isPublic) {
        request.ability = defineAbilityFor(null);
        return true;
      }
      throw new UnauthorizedException(apiError(401, 'Inte inloggad (not logged in)'));
    }
    if (isPublic) return true;
    if (request.auth?.method === 'session' && !SAFE_METHODS.has(request.method)) {
      if (!this.sameOrigin(request))
        throw new ForbiddenException(
          apiError(403, 'Begäran kommer från en annan webbplats (request from a foreign Origin refused)'),
        );
      const sent = headerOf(request, 'x-csrf-token') ?? '';
      if (!sameSecret(sent, request.auth.csrfToken))
        throw new ForbiddenException(
          apiError(
            403,
            'CSRF-token saknas eller stämmer inte (missing or wrong X-CSRF-Token; get it from /api/auth/me)',
          ),
        );
    }
    const allowedBeforeChange =
      this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets) ?? false;
    if (request.mustChangePassword && !allowedBeforeChange)
      throw new ForbiddenException(
        apiError(403, 'Byt lösenord först (change your one-time password first: POST /api/auth/password)', {
          mustChangePassword: true,
        }),
      );
    return true;
  }

  /** Attaches actor, ability and auth to the request; false when no valid credentials came with it. */
  private async authenticate(request: AuthenticatedRequest, required: boolean): Promise<boolean> {
    const authorization = headerOf(request, 'authorization');
    let user: UserRecord | null;
    let organisationActive: boolean;
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      const found = await this.tokens.ownerOf(authorization.slice(7).trim());
      if (!found) {
        if (required)
          throw new UnauthorizedException(
            apiError(401, 'Ogiltig eller återkallad token (invalid or revoked token)'),
          );
        return false;
      }
      user = found.owner;
      organisationActive = found.organisationActive;
      request.auth = { method: 'token', tokenId: found.tokenId };
    } else {
      const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      if (!cookie) return false;
      const session = await this.sessions.find(cookie);
      if (!session) return false;
      user = session.user;
      organisationActive = session.organisationActive;
      request.auth = { method: 'session', sessionIdHash: session.idHash, csrfToken: session.csrfToken };
    }
    // A deactivated organisation's logins are refused as deactivated logins are, whatever they hold.
    if (!user || !user.active || !organisationActive) {
      delete request.auth;
      return false;
    }
    request.actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      organisationId: user.organisationId,
      roles: user.roles,
    };
    request.user = user;
    request.mustChangePassword = user.mustChangePassword;
    request.ability = abilityOf({
      userId: user.id,
      organisationId: user.organisationId,
      roles: user.roles,
    });
    return true;
  }
}
