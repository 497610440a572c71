import { createHash, randomUUID } from 'node:crypto';
import type { EventMetadata } from '@laget/event-store';

/** Who is acting, for which organisation, from where: becomes every event's metadata. */
export interface RequestContext {
  actorId: string;
  organisationId: string | null;
  correlationId: string;
  causationId?: string | null;
  ip?: string;
  /** The request's Idempotency-Key, where it has one (docs/adr/0014). */
  idempotency?: IdempotentRequest;
}

/**
 * A request sent with an Idempotency-Key, as IdempotencyInterceptor puts it on the request and
 * the command runner records it with the events the command appends.
 */
export interface IdempotentRequest {
  /** The client's key scoped to its caller, method and path. */
  readonly key: string;
  /** The runner found the command applied by an earlier attempt and did not apply it again. */
  replayed: boolean;
  /** This attempt appended events under the key. */
  appended: boolean;
  /** Commands of this request per stream so far (see commandKey). */
  readonly commands: Map<string, number>;
}

export function idempotentRequest(key: string): IdempotentRequest {
  return { key, replayed: false, appended: false, commands: new Map() };
}

/**
 * The key the next command of this request on `streamId` records with its append, or undefined
 * without an Idempotency-Key. A request that runs several commands on one stream records each
 * under a key of its own (the second `<key> #2`, …), so that a retry, running them in the same
 * order, finds each one instead of taking the first for all. Call once per command.
 */
export function commandKey(context: RequestContext, streamId: string): string | undefined {
  const idempotency = context.idempotency;
  if (!idempotency) return undefined;
  const count = (idempotency.commands.get(streamId) ?? 0) + 1;
  idempotency.commands.set(streamId, count);
  return count === 1 ? idempotency.key : `${idempotency.key} #${count}`;
}

/**
 * A new id for something a command creates: random, except under an Idempotency-Key, where a
 * retry must name the same thing as the first attempt did (the answer is built from it), so it
 * is derived from the key and `purpose`.
 */
export function newIdFor(context: RequestContext, purpose: string): string {
  if (!context.idempotency) return randomUUID();
  const hex = createHash('sha256').update(`${context.idempotency.key}\n${purpose}`).digest('hex');
  // Laid out as a version 8 (custom) UUID with the RFC 9562 variant.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
