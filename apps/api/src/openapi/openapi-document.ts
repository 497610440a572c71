import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import type { Type } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common/enums/request-method.enum.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { apiErrorSchema, validationErrorSchema } from '@laget/contracts';
import { z } from 'zod';
import { IdempotencyInterceptor } from '../platform/http/idempotency.interceptor.js';
import { IS_PUBLIC } from '../platform/http/public.decorator.js';
import {
  API_CAPABILITY,
  API_OPERATION,
  API_OPERATION_ID_PREFIX,
  type ApiOperationSpec,
  type DocumentedError,
} from '../platform/http/api-operation.js';
import { capabilityTags, documentInfo, securitySchemes } from './openapi-info.js';
import { namedRequestBody } from './request-body-names.js';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/** One route as Nest maps it: what the route-coverage test compares with the document. */
export interface MappedRoute {
  method: string;
  /** OpenAPI form: `/api/reports/{id}`. */
  path: string;
}

const methods: Partial<Record<RequestMethod, RouteConfig['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

const errorMeaning: Record<DocumentedError, string> = {
  400: 'Invalid input: `details` names each offending field (`{field, message}`)',
  401: 'Not logged in, or the session or token has expired',
  403: 'Logged in, but not allowed this on this resource (or a cookie session without its X-CSRF-Token)',
  404: 'No such resource, or not one the caller may see',
  409: 'The resource changed (If-Match/expectedVersion older than its version) or is in a state that refuses this',
  410: 'Gone',
  413: 'The body is larger than 2 MiB',
  422: 'Well-formed, but the domain refuses it (or an Idempotency-Key reused with another body)',
  428: 'Precondition required',
  429: 'Too many attempts; wait and try again',
  503: 'A read model is not yet up to date with the change; try again',
};

/**
 * The OpenAPI 3.1 document of the given controllers, from their routes' metadata and the zod
 * schemas their handlers validate with (docs/adr/0021). Built without an application instance,
 * so the lint script and the server share it.
 */
export function buildOpenApiDocument(controllers: readonly Type[]): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    registry.registerComponent('securitySchemes', name, scheme);
  }
  for (const route of describeRoutes(controllers)) registry.registerPath(route);
  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: '3.1.0',
    info: documentInfo,
    servers: [{ url: '/', description: 'This Läget instance' }],
    tags: capabilityTags,
  });
}

/** Every route of the controllers as Nest maps it (method and OpenAPI path). */
export function mappedRoutes(controllers: readonly Type[]): MappedRoute[] {
  return routesOf(controllers).map(({ method, path }) => ({ method: method.toUpperCase(), path }));
}

interface RawRoute {
  controller: Type;
  handler: (...args: unknown[]) => unknown;
  handlerName: string;
  method: RouteConfig['method'];
  path: string;
}

function routesOf(controllers: readonly Type[]): RawRoute[] {
  const routes: RawRoute[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    for (const handlerName of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[handlerName];
      if (typeof handler !== 'function' || handlerName === 'constructor') continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const subPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (requestMethod === undefined || subPath === undefined) continue;
      const method = methods[requestMethod];
      if (!method)
        throw new Error(`${controller.name}.${handlerName}: no OpenAPI method for ${requestMethod}`);
      for (const one of [subPath].flat()) {
        routes.push({
          controller,
          handler: handler as RawRoute['handler'],
          handlerName,
          method,
          path: openApiPath(base, one),
        });
      }
    }
  }
  return routes;
}

/** `api/reports` + `:id/submit` → `/api/reports/{id}/submit`. */
function openApiPath(base: string, sub: string): string {
  const joined = `/${[base, sub]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operationIdPrefix(controller: Type): string {
  const declared = Reflect.getMetadata(API_OPERATION_ID_PREFIX, controller) as string | undefined;
  return declared ?? controller.name.replace(/Controller$/, '');
}

function describeRoutes(controllers: readonly Type[]): RouteConfig[] {
  return routesOf(controllers).map((route) => {
    const where = `${route.controller.name}.${route.handlerName}`;
    const spec = Reflect.getMetadata(API_OPERATION, route.handler) as ApiOperationSpec | undefined;
    if (!spec) throw new Error(`${where}: every route needs @ApiOperation (OpenAPI, docs/adr/0021)`);
    const tag = Reflect.getMetadata(API_CAPABILITY, route.controller) as string | undefined;
    if (!tag) throw new Error(`${route.controller.name}: needs @ApiCapability`);
    const isPublic =
      (Reflect.getMetadata(IS_PUBLIC, route.handler) ?? Reflect.getMetadata(IS_PUBLIC, route.controller)) ===
      true;
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, route.handler) as number | undefined) ??
      (route.method === 'post' ? 201 : 200);
    const ifMatch = readsHeader(route, 'if-match');
    const idempotent = route.method === 'post' && hasIdempotency(route);
    const pathNames = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);

    const headers: z.ZodObject['shape'] = {};
    if (ifMatch) {
      headers['If-Match'] = z
        .string()
        .optional()
        .meta({
          description:
            'The version the change is based on (the resource’s `version`; `"3"` and `W/"3"` are read too). ' +
            'Older than the current version: 409. Without it (and without `expectedVersion` in the body) the change applies to the latest version.',
          example: '3',
        });
    }
    if (idempotent) {
      headers['Idempotency-Key'] = z
        .string()
        .min(1)
        .max(200)
        .optional()
        .meta({
          description:
            'Repeat the request safely: the same key and body answer the first answer again (`Idempotent-Replayed: true`); ' +
            'the same key with another body is refused (422); while the first is still running, 409.',
        });
    }
    const params = z.object(
      Object.fromEntries(
        pathNames.map((name) => [name, (spec.params?.shape[name] as z.ZodType | undefined) ?? z.string()]),
      ),
    );

    const errors = new Set<DocumentedError>(spec.errors ?? []);
    if (spec.body || spec.query || pathNames.length > 0 || ifMatch) errors.add(400);
    if (!isPublic) errors.add(401).add(403);
    if (pathNames.length > 0) errors.add(404);
    if (ifMatch) errors.add(409);
    if (idempotent) errors.add(409).add(422);
    if (spec.body) errors.add(413);

    const responses: Record<string, ResponseConfig> = {
      [status]: successResponse(spec, status),
    };
    for (const code of [...errors].sort()) {
      responses[code] = {
        description: spec.errorNotes?.[code] ?? errorMeaning[code],
        // A 400 of a route without input comes from a malformed body or header: the general shape.
        content: { 'application/json': { schema: code === 400 ? validationErrorSchema : apiErrorSchema } },
      };
    }

    return {
      method: route.method,
      path: route.path,
      operationId: `${operationIdPrefix(route.controller)}_${route.handlerName}`,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [tag],
      security: securityOf(isPublic, route.method),
      request: {
        ...(pathNames.length > 0 ? { params } : {}),
        ...(spec.query ? { query: spec.query } : {}),
        ...(Object.keys(headers).length > 0 ? { headers: z.object(headers) } : {}),
        ...(spec.body
          ? {
              body: {
                required: spec.bodyRequired ?? true,
                content: { 'application/json': { schema: namedRequestBody(spec.body) } },
              },
            }
          : {}),
      },
      responses,
    } satisfies RouteConfig;
  });
}

function successResponse(spec: ApiOperationSpec, status: number): ResponseConfig {
  const headers: Record<string, { description: string; schema: { type: 'integer' | 'string' } }> = {};
  if (spec.paged) {
    headers['X-Total-Count'] = { description: 'How many there are in all', schema: { type: 'integer' } };
  }
  if (spec.etag) {
    headers['ETag'] = { description: 'The version, for If-Match', schema: { type: 'string' } };
  }
  const content = {
    ...(spec.response ? { 'application/json': { schema: spec.response } } : {}),
    ...Object.fromEntries(
      Object.entries(spec.produces ?? {}).map(([type, schema]) => [type, { schema: schema ?? z.string() }]),
    ),
  };
  return {
    description: status === 204 ? 'Done; no content' : status === 202 ? 'Accepted' : 'OK',
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(Object.keys(content).length > 0 ? { content } : {}),
  };
}

/**
 * Who may call: public routes anyone (a login, when sent, is used); others a Bearer token or the
 * session cookie, with X-CSRF-Token on a state-changing request of a cookie session.
 */
function securityOf(isPublic: boolean, method: RouteConfig['method']): RouteConfig['security'] {
  if (isPublic) return [];
  const session: Record<string, string[]> =
    method === 'get' ? { session: [] } : { session: [], csrfToken: [] };
  return [session, { bearer: [] }];
}

function readsHeader(route: RawRoute, name: string): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handlerName) ??
    {}) as Record<string, { data?: unknown }>;
  return Object.entries(args).some(
    ([key, arg]) => key.startsWith(`${RouteParamtypes.HEADERS}:`) && String(arg.data).toLowerCase() === name,
  );
}

function hasIdempotency(route: RawRoute): boolean {
  const interceptors = [
    ...((Reflect.getMetadata(INTERCEPTORS_METADATA, route.controller) as unknown[] | undefined) ?? []),
    ...((Reflect.getMetadata(INTERCEPTORS_METADATA, route.handler) as unknown[] | undefined) ?? []),
  ];
  return interceptors.includes(IdempotencyInterceptor);
}
