import { randomUUID } from 'node:crypto';
import type { AppAbility, Role } from '@laget/permissions';
import type { FastifyRequest } from 'fastify';
import { acceptableRequestId, requestIdOf } from '../platform/http/request-id.js';
import { idempotencyOf } from '../platform/http/idempotent-request.js';
import type { RequestContext } from '../platform/commands/request-context.js';
import type { UserRecord } from './users.read-model.js';

/** Who is making the request, as every module sees it (the actor of `@CurrentCaller()`). */
export interface CurrentActorInfo {
  userId: string;
  username: string;
  displayName: string;
  organisationId: string | null;
  roles: Role[];
}

/** What the authentication guard attaches to the request. */
export interface AuthenticatedRequest extends FastifyRequest {
  actor?: CurrentActorInfo;
  ability?: AppAbility;
  /** How the caller proved who it is; CSRF applies to cookie sessions only. */
  auth?:
    { method: 'session'; sessionIdHash: string; csrfToken: string } | { method: 'token'; tokenId: string };
  /** The caller's login as read for this request. */
  user?: UserRecord;
  mustChangePassword?: boolean;
}

/** Event metadata for what this request causes (who, for which organisation, from where). */
export function requestContext(request: AuthenticatedRequest): RequestContext {
  return {
    actorId: request.actor?.userId ?? 'anonymous',
    organisationId: request.actor?.organisationId ?? null,
    // The request's id, as its log lines and X-Request-Id header carry it (platform/http/request-id.ts).
    correlationId: correlationIdOf(request),
    ...(request.ip ? { ip: request.ip } : {}),
    ...idempotencyOf(request),
  };
}

/** A request built by hand (no raw message) still takes the client's id, or gets a new one. */
function correlationIdOf(request: FastifyRequest): string {
  if (request.raw) return requestIdOf(request.raw);
  return acceptableRequestId(request.headers?.['x-request-id']) ?? randomUUID();
}
