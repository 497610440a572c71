import { Controller, Get, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore, SqlDatabase } from '@laget/event-store';
import { EVENT_STORE, READ_DB } from '../platform/platform.tokens.js';
import { Public } from '../platform/http/public.decorator.js';
import { PublicationWiring } from '../publication/publication.module.js';

/**
 * `/health` answers as long as the process serves HTTP (liveness); `/health/ready` names each
 * dependency and fails while one is down, so a load balancer stops sending traffic here.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_DB) private readonly readDb: SqlDatabase,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.probe('eventStore', this.eventStore.kind, () => this.eventStore.readAll(null, 1)),
      () => this.probe('readStore', this.readDb.engine, () => this.readDb.query('SELECT 1')),
      () => this.jobsProbe(),
    ]);
  }

  /** The job queue as the publication module runs it (BullMQ on Redis, or in-process). */
  private async jobsProbe() {
    const indicator = this.indicator.check('jobs');
    const wiring = this.moduleRef.get(PublicationWiring, { strict: false });
    const health = await wiring.health();
    const { status, ...details } = health;
    return status === 'down' ? indicator.down(details) : indicator.up(details);
  }

  private async probe(key: string, kind: string, check: () => Promise<unknown>) {
    const indicator = this.indicator.check(key);
    try {
      await check();
      return indicator.up({ kind });
    } catch (error) {
      return indicator.down({ kind, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
