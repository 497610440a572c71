import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { type AppAbility, defineAbilityFor } from '@laget/permissions';
import type { RequestContext } from '../platform/commands/request-context.js';
import { apiError } from '../platform/http/api-error.js';
import { type AuthenticatedRequest, type CurrentActorInfo, requestContext } from './actor.js';

/**
 * Who makes a request, as every controller hands it to a command or query: the login (null for
 * an anonymous visitor of a public route), its CASL ability, and the metadata every event the
 * request causes carries (who, for which organisation, from where, its Idempotency-Key).
 */
export interface Caller {
  actor: CurrentActorInfo | null;
  ability: AppAbility;
  context: RequestContext;
}

/** A caller that is logged in (`@CurrentCaller()` answers 401 otherwise). */
export interface SignedInCaller extends Caller {
  actor: CurrentActorInfo;
}

function callerOf(request: AuthenticatedRequest): Caller {
  return {
    actor: request.actor ?? null,
    ability: request.ability ?? defineAbilityFor(request.actor ?? null),
    context: requestContext(request),
  };
}

/**
 * The one "who is calling" decorator. `@CurrentCaller()` is a SignedInCaller and answers 401
 * without a login; `@CurrentCaller('visitor')` lets an anonymous visitor through (actor null,
 * the anonymous ability) for the routes that are public.
 */
export const CurrentCaller = createParamDecorator(
  (mode: 'visitor' | undefined, context: ExecutionContext): Caller => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.actor && mode !== 'visitor')
      throw new UnauthorizedException(apiError(401, 'Inte inloggad (not logged in)'));
    return callerOf(request);
  },
);
