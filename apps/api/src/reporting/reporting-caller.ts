import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { defineAbilityFor, isRole, type AppAbility, type Role } from '@laget/permissions';
import type { FastifyRequest } from 'fastify';
import { apiError } from '../platform/http/api-error.js';
import { headerOf } from '../platform/http/headers.js';
import { idempotencyOf } from '../platform/http/idempotent-request.js';
import type { Caller } from './reporting.service.js';

interface AuthenticatedRequest extends FastifyRequest {
  /** Set by the identity module's global guard. */
  actor?: { userId: string; organisationId: string | null; roles: readonly string[] };
  /** The request's CASL ability, where the guard built one already. */
  ability?: AppAbility;
}

/**
 * The caller of a reporting endpoint: the actor the identity guard put on the request, their
 * ability, and the metadata every event of this request carries. 401 when nobody is logged in.
 */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const actor = request.actor;
  if (!actor) throw new UnauthorizedException(apiError(401, 'Logga in först / Please log in'));
  const roles = actor.roles.filter(isRole) as Role[];
  const identity = { userId: actor.userId, organisationId: actor.organisationId, roles };
  return {
    ...identity,
    ability: request.ability ?? defineAbilityFor(identity),
    context: {
      actorId: actor.userId,
      organisationId: actor.organisationId,
      correlationId: correlationIdOf(request),
      ...(request.ip ? { ip: request.ip } : {}),
      ...idempotencyOf(request),
    },
  };
});

function correlationIdOf(request: FastifyRequest): string {
  const header = headerOf(request, 'x-request-id');
  return header && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : randomUUID();
}
