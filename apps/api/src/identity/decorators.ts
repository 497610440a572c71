import {
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import type { AppAbility } from '@laget/permissions';
import { defineAbilityFor } from '@laget/permissions';
import { apiError } from '../platform/http/api-error.js';
import type { AuthenticatedRequest, CurrentActorInfo } from './actor.js';

export { Public, IS_PUBLIC } from '../platform/http/public.decorator.js';

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'laget:allowedBeforePasswordChange';

/** Routes a login with a one-time password may use before choosing its own (me, password, logout). */
export const AllowBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

/**
 * `{userId, username, displayName, organisationId, roles}` of the logged-in caller (401 on a public route without one).
 * @deprecated Use `@CurrentCaller()` (caller.ts); kept while audit's and publication's controllers still use it.
 */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CurrentActorInfo => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.actor) throw new UnauthorizedException(apiError(401, 'Inte inloggad (not logged in)'));
    return request.actor;
  },
);

/**
 * The caller's CASL ability; on a public route without a login, the anonymous visitor's.
 * @deprecated Use `@CurrentCaller()` (caller.ts); kept while audit's and publication's controllers still use it.
 */
export const CurrentAbility = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AppAbility => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return request.ability ?? defineAbilityFor(null);
  },
);
