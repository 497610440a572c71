import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { HealthIndicatorService } from '@nestjs/terminus';
import { type EventStore, type SqlDatabase, isDatabaseUnavailable } from '@laget/event-store';
import { EVENT_STORE, READ_DB } from '../platform/platform.tokens.js';
import { Projections } from '../platform/projections.service.js';
import { QueueHealthQuery } from '../publication/queries/queue-health.query.js';

/**
 * What `/health/ready` asks each dependency, as Terminus indicators: the event store and the
 * read store answer, the job queue answers (the publication feature's QueueHealthQuery), and no
 * read model is stalled.
 */
@Injectable()
export class ReadinessProbes {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_DB) private readonly readDb: SqlDatabase,
    private readonly projections: Projections,
    private readonly queryBus: QueryBus,
  ) {}

  eventStoreProbe() {
    return this.probe('eventStore', this.eventStore.kind, () => this.eventStore.readAll(null, 1));
  }

  readStoreProbe() {
    return this.probe('readStore', this.readDb.engine, () => this.readDb.query('SELECT 1'));
  }

  /**
   * Down while a read model is stalled at an event it cannot apply (docs/adr/0016), naming the
   * projection, the event's position and type, and the reason, so whoever runs Läget sees it.
   */
  async projectionsProbe() {
    const indicator = this.indicator.check('projections');
    try {
      const stalled = await this.projections.stalls();
      const states = Object.fromEntries(this.projections.status().map((s) => [s.name, s.state]));
      return stalled.length > 0 ? indicator.down({ stalled, states }) : indicator.up({ states });
    } catch (error) {
      return indicator.down(unavailable(error));
    }
  }

  /** The job queue as the publication module runs it (BullMQ on Redis, or in-process). */
  async jobsProbe() {
    const indicator = this.indicator.check('jobs');
    const { status, ...details } = await this.queryBus.execute(new QueueHealthQuery());
    return status === 'down' ? indicator.down(details) : indicator.up(details);
  }

  private async probe(key: string, kind: string, check: () => Promise<unknown>) {
    const indicator = this.indicator.check(key);
    try {
      await check();
      return indicator.up({ kind });
    } catch (error) {
      return indicator.down({ kind, ...unavailable(error) });
    }
  }
}

function unavailable(error: unknown) {
  return {
    ...(isDatabaseUnavailable(error) ? { database: 'unreachable' } : {}),
    message: error instanceof Error ? error.message : String(error),
  };
}
