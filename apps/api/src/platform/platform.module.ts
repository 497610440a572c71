import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { type EventStore, type SqlDatabase, withStartupSchemaLock } from '@laget/event-store';
import { AppConfig } from '../config/app-config.js';
import { Clock, SystemClock } from './commands/clock.js';
import { EmailJob } from './jobs/email/email-job.js';
import { FEATURES, type FeatureManifest } from './feature.js';
import { CommandRunner } from './commands/command-runner.js';
import { IDEMPOTENCY_TABLE_DDL, IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { EVENT_STORE, JOB_QUEUE, READ_DB } from './platform.tokens.js';
import { openJobQueue } from './jobs.provider.js';
import type { JobQueue } from './jobs/job-queue.js';
import { PROJECTIONS_TO_RUN, Projections, type ProjectionsToRun } from './projections.service.js';
import { type Stores, openStores } from './stores.js';

const STORES = Symbol('STORES');

/**
 * Creates the platform's own tables; on shutdown (after the HTTP server has stopped taking
 * requests) stops the projections, lets running jobs finish, and closes the stores last.
 */
@Injectable()
class PlatformLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(STORES) private readonly stores: Stores,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly projections: Projections,
    private readonly email: EmailJob,
  ) {}

  async onModuleInit(): Promise<void> {
    await withStartupSchemaLock(this.stores.readDb, (tx) => tx.query(IDEMPOTENCY_TABLE_DDL));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.jobs.close();
    await this.email.close();
    await this.stores.close();
  }
}

export interface PlatformOptions {
  config: AppConfig;
  features: readonly FeatureManifest[];
  clock?: Clock;
  /** Every projection and reactor (the application) unless a maintenance process names its own. */
  projections?: ProjectionsToRun;
}

/**
 * The wiring every capability module stands on: configuration, the event store, the read-model
 * database, the command runner, the clock, the projections and the job queue. Global, so feature
 * modules just inject.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({
    config,
    features,
    clock = new SystemClock(),
    projections = 'all',
  }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      // The CommandBus and QueryBus every feature dispatches on (docs/adr/0023).
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: FEATURES, useValue: features },
        { provide: PROJECTIONS_TO_RUN, useValue: projections },
        { provide: Clock, useValue: clock },
        { provide: STORES, useFactory: () => openStores(config) },
        { provide: EVENT_STORE, useFactory: (stores: Stores) => stores.eventStore, inject: [STORES] },
        { provide: READ_DB, useFactory: (stores: Stores) => stores.readDb, inject: [STORES] },
        {
          provide: CommandRunner,
          useFactory: (store: EventStore, c: Clock, projections: Projections) =>
            new CommandRunner(store, c, (event) => projections.upcasters.upcast(event)),
          inject: [EVENT_STORE, Clock, Projections],
        },
        {
          provide: JOB_QUEUE,
          useFactory: (db: SqlDatabase) => openJobQueue(config, db),
          inject: [READ_DB],
        },
        Projections,
        EmailJob,
        PlatformLifecycle,
        IdempotencyInterceptor,
      ],
      exports: [
        AppConfig,
        FEATURES,
        // Whether this process is the application or a maintenance one (no schedules there).
        PROJECTIONS_TO_RUN,
        Clock,
        EVENT_STORE,
        READ_DB,
        JOB_QUEUE,
        CommandRunner,
        Projections,
        IdempotencyInterceptor,
      ],
    };
  }
}

export type { EventStore, SqlDatabase };
