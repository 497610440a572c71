import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type AppAbility, defineAbilityFor, isRole, type Role } from '@laget/permissions';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../platform/commands/request-context.js';
import { headerOf } from '../platform/http/headers.js';
import { idempotencyOf } from '../platform/http/idempotent-request.js';

interface AuthenticatedRequest extends FastifyRequest {
  /** Set by the identity module's global guard; absent for a visitor on a public route. */
  actor?: { userId: string; organisationId: string | null; roles: readonly string[] };
  ability?: AppAbility;
}

/** Who calls a lägesbild endpoint: a login, or (on the public read) an anonymous visitor. */
export interface LagesbildCaller {
  actor: { userId: string; organisationId: string | null; roles: Role[] } | null;
  ability: AppAbility;
  context: RequestContext;
}

export const CurrentLagesbildCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext): LagesbildCaller => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = headerOf(request, 'x-request-id');
    const correlationId = header && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : randomUUID();
    const actor = request.actor
      ? {
          userId: request.actor.userId,
          organisationId: request.actor.organisationId,
          roles: request.actor.roles.filter(isRole) as Role[],
        }
      : null;
    return {
      actor,
      ability: request.ability ?? defineAbilityFor(actor),
      context: {
        actorId: actor?.userId ?? 'anonymous',
        organisationId: actor?.organisationId ?? null,
        correlationId,
        ...(request.ip ? { ip: request.ip } : {}),
        ...idempotencyOf(request),
      },
    };
  },
);
