import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { requestForLog, responseForLog } from './platform/http/request-log.js';
import { AuditModule } from './audit/audit.module.js';
import type { AppConfig } from './config/app-config.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { LagesbildModule } from './lagesbild/lagesbild.module.js';
import type { Clock } from './platform/commands/clock.js';
import { PlatformModule } from './platform/platform.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { PublicationModule } from './publication/publication.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  clock?: Clock;
}

/** Läget's API: the platform and one module per capability (STYLE.md). */
@Module({})
export class AppModule {
  static forRoot({ config, clock }: AppModuleOptions): DynamicModule {
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
        CqrsModule.forRoot(),
        PlatformModule.forRoot({ config, ...(clock ? { clock } : {}) }),
        HealthModule,
        IdentityModule,
        ReportingModule,
        AuditModule,
        LagesbildModule,
        PublicationModule,
      ],
    };
  }
}
