import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { requestForLog, responseForLog } from './platform/http/request-log.js';
import type { AppConfig } from './config/app-config.js';
import { features as allFeatures } from './features.js';
import { HealthModule } from './health/health.module.js';
import type { FeatureManifest } from './platform/feature.js';
import type { Clock } from './platform/commands/clock.js';
import { PlatformModule } from './platform/platform.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  clock?: Clock;
  /** Every feature by default (features.ts). */
  features?: readonly FeatureManifest[];
}

/** Läget's API: the platform and the module of each feature in features.ts (STYLE.md). */
@Module({})
export class AppModule {
  static forRoot({ config, clock, features = allFeatures }: AppModuleOptions): DynamicModule {
    // Every feature's settings valid before anything starts, one error naming each bad variable
    // (main.ts has checked them already; a test's configuration is checked here).
    config.requireSettings(features);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            serializers: { req: requestForLog, res: responseForLog },
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
          },
        }),
        PlatformModule.forRoot({ config, features, ...(clock ? { clock } : {}) }),
        HealthModule,
        ...features.map((feature) => feature.module),
      ],
    };
  }
}
