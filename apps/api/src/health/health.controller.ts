import { Controller, Get, HttpException, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { z } from 'zod';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { type EventStore, type SqlDatabase, isDatabaseUnavailable } from '@laget/event-store';
import { EVENT_STORE, READ_DB } from '../platform/platform.tokens.js';
import { Public } from '../platform/http/public.decorator.js';
import { apiError } from '../platform/http/api-error.js';
import type { ProjectionStall } from '../platform/projections/projection-failures.js';
import { PublicationWiring } from '../publication/publication.module.js';
import { Projections } from '../platform/projections.service.js';

/**
 * `/health` answers as long as the process serves HTTP (liveness); `/health/ready` names each
 * dependency and fails while one is down, so a load balancer stops sending traffic here.
 */
@ApiCapability('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_DB) private readonly readDb: SqlDatabase,
    private readonly moduleRef: ModuleRef,
    private readonly projections: Projections,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness: the process serves HTTP',
    response: z.object({ status: z.literal('ok') }),
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: each dependency, 503 while one is down',
    response: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Terminus: status, info, error, details per dependency' }),
    errors: [503],
    errorNotes: { 503: 'A dependency (event store, read store, queue, projections) is down or stalled' },
  })
  async ready() {
    try {
      return await this.health.check([
        () => this.probe('eventStore', this.eventStore.kind, () => this.eventStore.readAll(null, 1)),
        () => this.probe('readStore', this.readDb.engine, () => this.readDb.query('SELECT 1')),
        () => this.jobsProbe(),
        () => this.projectionsProbe(),
      ]);
    } catch (error) {
      throw notReady(error);
    }
  }

  /**
   * Down while a read model is stalled at an event it cannot apply (docs/adr/0016), naming the
   * projection, the event's position and type, and the reason, so whoever runs Läget sees it.
   */
  private async projectionsProbe() {
    const indicator = this.indicator.check('projections');
    try {
      const stalled = await this.projections.stalls();
      const states = Object.fromEntries(this.projections.status().map((s) => [s.name, s.state]));
      return stalled.length > 0 ? indicator.down({ stalled, states }) : indicator.up({ states });
    } catch (error) {
      return indicator.down({
        ...(isDatabaseUnavailable(error) ? { database: 'unreachable' } : {}),
        message: error instanceof Error ? error.message : String(error),
      });
    }
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
      return indicator.down({
        kind,
        ...(isDatabaseUnavailable(error) ? { database: 'unreachable' } : {}),
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

/**
 * Terminus's 503 in the contract's error shape: the message says in words what is down (a stalled
 * projection by name, position and reason), `details` keeps Terminus's report as it was.
 */
function notReady(error: unknown): unknown {
  if (!(error instanceof ServiceUnavailableException)) return error;
  const report = error.getResponse() as {
    error?: Record<string, { stalled?: ProjectionStall[]; database?: string }>;
  };
  const unreachable = Object.values(report.error ?? {}).some((d) => d.database === 'unreachable');
  const down = [...(unreachable ? ['database'] : []), ...Object.keys(report.error ?? {})];
  const stalls = report.error?.projections?.stalled ?? [];
  const sv = (unreachable ? ['databasen går inte att nå'] : []).concat(
    stalls.map((s) => `${s.projection} har stannat vid händelse ${s.position} (${s.eventType}): ${s.reason}`),
  );
  const en = (unreachable ? ['the database cannot be reached'] : []).concat(
    stalls.map((s) => `${s.projection} is stalled at event ${s.position} (${s.eventType}): ${s.reason}`),
  );
  return new HttpException(
    apiError(
      503,
      `Läget är inte redo: ${[down.join(', '), ...sv].join('; ')} / Läget is not ready: ${[down.join(', '), ...en].join('; ')}`,
      report,
    ),
    503,
  );
}
