import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@laget/event-store';

/** Who is acting, for which organisation, from where: becomes every event's metadata. */
export interface RequestContext {
  actorId: string;
  organisationId: string | null;
  correlationId: string;
  causationId?: string | null;
  ip?: string;
}

export const SYSTEM_ACTOR = 'system';

export function systemContext(
  correlationId: string = randomUUID(),
  causationId: string | null = null,
): RequestContext {
  return { actorId: SYSTEM_ACTOR, organisationId: null, correlationId, causationId };
}

export function metadataFor(context: RequestContext, occurredAt: Date): EventMetadata {
  return {
    actorId: context.actorId,
    organisationId: context.organisationId,
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    occurredAt: occurredAt.toISOString(),
    schemaVersion: 1,
    ...(context.ip ? { ip: context.ip } : {}),
  };
}
