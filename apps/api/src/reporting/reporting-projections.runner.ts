import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { EventStore, SqlDatabase } from '@laget/event-store';
import { EVENT_STORE, READ_DB } from '../platform/platform.tokens.js';
import { ProjectionRunner } from '../platform/projections/projection-runner.js';
import { reportingProjections } from './reporting.projections.js';

/**
 * Runs the reporting read models. The platform has no shared projection registry yet, so this
 * module runs its own ProjectionRunner (same checkpoints table, same advisory locks); when the
 * platform gets one, `reportingProjections` moves there and this class goes.
 */
@Injectable()
export class ReportingProjections implements OnModuleInit, OnModuleDestroy {
  private readonly runner: ProjectionRunner;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(READ_DB) db: SqlDatabase) {
    const logger = new Logger('reporting.projections');
    this.runner = new ProjectionRunner({
      store,
      db,
      projections: reportingProjections,
      lockRetryMs: 1_000,
      logger: {
        log: (message) => logger.log(message),
        warn: (message) => logger.warn(message),
        error: (message, detail) => logger.error(message, detail),
      },
    });
  }

  async onModuleInit(): Promise<void> {
    await this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }

  /** Read-after-write: resolves once every event committed before the call is in the tables. */
  waitUntilCaughtUp(): Promise<void> {
    return this.runner.waitUntilCaughtUp({ timeoutMs: 10_000 });
  }
}
