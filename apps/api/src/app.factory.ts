import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import accepts from 'accepts';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { mapSettingsOf } from './map/map.settings.js';
import { API_CONTROLLERS } from './openapi/api-controllers.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { ApiExceptionFilter } from './platform/http/api-exception.filter.js';
import { baseMapOrigins } from './platform/http/base-map-csp.js';
import { REQUEST_ID_HEADER, requestIdOf } from './platform/http/request-id.js';
import { refuseUnstorableRouteInput } from './platform/http/route-input-guard.js';
import { RouteMappingAtDebugLogger } from './platform/logging/startup-logger.js';
import {
  ClosingAwareFastifyAdapter,
  refuseRequestsWhileClosing,
} from './platform/lifecycle/graceful-shutdown.js';

/** Largest request body accepted: a full report of 200 incidents at 4,000 characters a field fits well below it. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export interface CreateAppOptions extends AppModuleOptions {
  /** Buffer logs until the pino logger is ready (the server); tests keep Nest's default. */
  bufferLogs?: boolean;
}

/**
 * Builds the whole HTTP application; main.ts and the tests share it so that tests run the real
 * thing. It runs on Fastify rather than Express: under the reporting load its request pipeline
 * costs about half of Express's CPU per request (docs/adr/0011).
 */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new ClosingAwareFastifyAdapter({
    trustProxy: 'loopback',
    bodyLimit: BODY_LIMIT_BYTES,
    // Nest's logger (pino, app.module.ts) logs requests; Fastify's own stays off.
    logger: false,
    // Fastify names every request (`req-1`, …) and pino-http keeps a name it finds, so the
    // request id is chosen here: the client's X-Request-Id where acceptable, else a UUID.
    genReqId: (request: IncomingMessage) => requestIdOf(request),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: options.bufferLogs ?? false,
    bodyParser: false, // JSON only, parsed as acceptEmptyJsonBodies says
    forceCloseConnections: false,
  });
  app.useLogger(new RouteMappingAtDebugLogger(app.get(Logger)));
  const fastify = app.getHttpAdapter().getInstance();
  answerWithRequestId(fastify);
  refuseRequestsWhileClosing(fastify, adapter);
  acceptEmptyJsonBodies(fastify);
  refuseUnstorableRouteInput(fastify);
  sendSecurityHeaders(
    fastify,
    options.config.publicBaseUrl.startsWith('https:'),
    baseMapOrigins(mapSettingsOf(options.config).styleUrl),
  );
  await app.register(fastifyCookie);
  app.useGlobalFilters(new ApiExceptionFilter());
  // No app.enableShutdownHooks(): main.ts owns the signals, with a deadline (exitGracefullyOnSignals).

  // The document comes from the routes' zod schemas (docs/adr/0021); @nestjs/swagger only serves
  // it and Swagger UI, built on the first request so that a start (or a test) does not pay for it.
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(API_CONTROLLERS) as OpenAPIObject, {
    jsonDocumentUrl: 'api/docs-json',
  });

  await serveAdminPanel(app, fastify, options.config.adminDistDir ?? defaultAdminDist());
  return app;
}

/**
 * Every response names its request's id (the client's X-Request-Id, or the one made for it), set
 * when the request arrives so that refusals before any route (404, bad JSON, closing) carry it.
 */
function answerWithRequestId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, requestIdOf(request.raw));
    done();
  });
}

/**
 * Fastify refuses a JSON content type with an empty body; clients send bodiless POSTs (submit,
 * logout) with it, and Express took them as no body. Everything else goes to Fastify's own
 * parser, which also refuses `__proto__` and `constructor.prototype` keys.
 */
function acceptEmptyJsonBodies(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(request, body as string, done);
  });
}

/**
 * Helmet's headers on every response (HSTS only when PUBLIC_BASE_URL is https), set on the raw
 * response as @fastify/helmet does; built
 * once here, where that plugin builds helmet's middleware again for every request (parsing the
 * CSP directives each time: the largest library cost per reporting command after Fastify's own).
 */
function sendSecurityHeaders(fastify: FastifyInstance, https: boolean, baseMap: string[]): void {
  const secureHeaders = helmet({
    // Over plain http (the quick start, a test) HSTS would pin a browser to https for a year on
    // a host that has none; sent only when the public address is https.
    strictTransportSecurity: https,
    contentSecurityPolicy: {
      directives: {
        // Swagger UI and react-admin's MUI styles need inline styles; scripts stay same-origin.
        'style-src': ["'self'", "'unsafe-inline'"],
        // MapLibre may decode a base map's raster tiles through blob: images.
        'img-src': ["'self'", 'data:', ...(baseMap.length > 0 ? ['blob:', ...baseMap] : [])],
        // The panel map's base map (LAGET_MAP_STYLE_URL), where one is configured: ADR 0031.
        'connect-src': ["'self'", ...baseMap],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    secureHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}

/**
 * `apps/admin/dist` of the checkout (or image) this runs from: the nearest folder above this file
 * holding `apps/api/package.json`. Found by walking up rather than by a fixed `../..`, because the
 * sources (tests) and `nest build`'s output (`dist/apps/api/src/…`, nest-cli.json) sit at
 * different depths.
 */
function defaultAdminDist(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(dir, 'apps/api/package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve('apps/admin/dist');
    dir = parent;
  }
  return resolve(dir, 'apps/admin/dist');
}

/** Paths the SPA fallback must never answer: the API, the public site, health and Bull Board. */
const serverPaths = /^\/(api|public|health|admin\/queues)(\/|$)/;

/** The built admin panel at `/`, with the SPA's index.html for its client-side routes. */
async function serveAdminPanel(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  distDir: string,
): Promise<void> {
  const indexFile = resolve(distDir, 'index.html');
  if (!existsSync(indexFile)) return;
  const indexHtml = readFileSync(indexFile);
  // A route per file found at start (the build does not change under a running server), so that
  // unknown paths still reach the fallback below instead of a catch-all file route. No reply
  // decorator: Bull Board registers the same plugin for its own files.
  await app.register(fastifyStatic, {
    root: distDir,
    index: false,
    maxAge: '1h',
    wildcard: false,
    decorateReply: false,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404 || request.method !== 'GET') return;
    const path = request.url.split('?')[0]!;
    if (serverPaths.test(path) || !accepts(request.raw).type('html')) return;
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  });
}
