import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { requestIdOf } from './platform/http/request-id.js';
import { requestForLog, responseForLog } from './platform/http/request-log.js';
import type { AppConfig } from './config/app-config.js';
import { features as allFeatures } from './features.js';
import { HealthModule } from './health/health.module.js';
import type { FeatureManifest } from './platform/feature.js';
import type { Clock } from './platform/commands/clock.js';
import { PlatformModule } from './platform/platform.module.js';
import type { ProjectionsToRun } from './platform/projections.service.js';

export interface AppModuleOptions {
  config: AppConfig;
  clock?: Clock;
  /** Every feature by default (features.ts). */
  features?: readonly FeatureManifest[];
  /**
   * `'all'` (default): the application, with every feature's module (HTTP API, jobs, first start,
   * demo data, reminders) and every projection and reactor. `{ only: [...] }`: a maintenance
   * process (the rebuild CLI): the platform alone, running just the named read models of the
   * features' manifests; no feature module is imported, so nothing else starts (docs/adr/0023).
   */
  projections?: ProjectionsToRun;
  /** Where the log lines go; stdout by default (a test reads them from a stream of its own). */
  logDestination?: NodeJS.WritableStream;
}

/** Läget's API: the platform and the module of each feature in features.ts (STYLE.md). */
@Module({})
export class AppModule {
  static forRoot({
    config,
    clock,
    features = allFeatures,
    projections = 'all',
    logDestination,
  }: AppModuleOptions): DynamicModule {
    // Every feature's settings valid before anything starts, one error naming each bad variable
    // (main.ts has checked them already; a test's configuration is checked here).
    config.requireSettings(features);
    const platform = PlatformModule.forRoot({ config, features, projections, ...(clock ? { clock } : {}) });
    if (projections !== 'all') return { module: AppModule, imports: [platform] };
    const pinoOptions: Options = {
      level: config.logLevel,
      serializers: { req: requestForLog, res: responseForLog },
      // The client's X-Request-Id where acceptable, else a UUID: the id the response header,
      // the events' correlationId and a 500's body carry too, so one id finds them all.
      // (Fastify names the raw request first, with the same function, and pino-http keeps that.)
      genReqId: (request) => requestIdOf(request),
      // Health probes come every few seconds from the load balancer: a line each would bury the rest.
      // Middie strips the matched prefix from `url` while the middleware runs: read `originalUrl`.
      autoLogging: {
        ignore: (req) =>
          ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').startsWith('/health'),
      },
    };
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: logDestination ? [pinoOptions, logDestination] : pinoOptions,
          // nestjs-pino's default route, `{/*splat}`, matches no request under Nest 12's Fastify
          // adapter, so no request was ever logged (a line per request is what an operator reads
          // first); `{*splat}` matches every path (request-id.e2e.spec.ts).
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
        platform,
        HealthModule,
        ...features.map((feature) => feature.module),
      ],
    };
  }
}
