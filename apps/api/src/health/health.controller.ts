import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore, SqlDatabase } from '@laget/event-store';
import { EVENT_STORE, READ_DB } from '../platform/platform.tokens.js';
import { Public } from '../platform/http/public.decorator.js';

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
    ]);
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
