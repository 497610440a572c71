import type { IdempotentRequest } from '../commands/request-context.js';

/** The Idempotency-Key of each request being handled, as IdempotencyInterceptor found it. */
const keyed = new WeakMap<object, IdempotentRequest>();

export function markIdempotent(request: object, idempotency: IdempotentRequest): void {
  keyed.set(request, idempotency);
}

/** To spread into a request's RequestContext: the key where the request has one. */
export function idempotencyOf(request: object): { idempotency?: IdempotentRequest } {
  const idempotency = keyed.get(request);
  return idempotency ? { idempotency } : {};
}
