import type { z } from 'zod';

/** Metadata keys of the OpenAPI description (read by openapi-document.ts). */
export const API_OPERATION = 'laget:openapi:operation';
export const API_CAPABILITY = 'laget:openapi:capability';

/** Error statuses an operation documents besides the ones derived from the route (see openapi-document.ts). */
export type DocumentedError = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 428 | 429 | 503;

export interface ApiOperationSpec {
  summary: string;
  description?: string;
  /** Path parameters (a zod object keyed by the route's `:names`); any name left out is a string. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The request body: the same schema the handler passes to parseInput. */
  body?: z.ZodType;
  /** False where the handler accepts no body at all (`body ?? {}`). */
  bodyRequired?: boolean;
  /** The success body (JSON); absent for 204 and non-JSON answers. */
  response?: z.ZodType;
  /** Other media types of the success answer (the public site: HTML, PDF, Atom). */
  produces?: Record<string, z.ZodType | undefined>;
  /** The answer is a page of a list: `X-Total-Count` carries the total. */
  paged?: boolean;
  /** Answers with an ETag (the version, for If-Match). */
  etag?: boolean;
  errors?: DocumentedError[];
  /** What each documented error status means on this operation. */
  errorNotes?: Partial<Record<DocumentedError, string>>;
}

/**
 * Describes a route in the OpenAPI document. The route's method, path, success status, security
 * (`@Public`), `If-Match` (`@Headers('if-match')`) and `Idempotency-Key` (IdempotencyInterceptor)
 * are read from the route's own metadata, so they cannot be described apart from what it does.
 */
export function ApiOperation(spec: ApiOperationSpec): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(API_OPERATION, spec, descriptor.value as object);
    return descriptor;
  };
}

export const API_OPERATION_ID_PREFIX = 'laget:openapi:operation-id-prefix';

export interface ApiCapabilityOptions {
  /**
   * What the routes' operation ids begin with instead of the controller's name: a controller split
   * out of another keeps the ids clients were generated from (`Lagesbilder_redact`).
   */
  operationIdPrefix?: string;
}

/** The capability (OpenAPI tag) a controller's routes belong to. */
export function ApiCapability(tag: string, options: ApiCapabilityOptions = {}): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(API_CAPABILITY, tag, target);
    if (options.operationIdPrefix) {
      Reflect.defineMetadata(API_OPERATION_ID_PREFIX, options.operationIdPrefix, target);
    }
  };
}
