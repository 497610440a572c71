import { Controller, Get, HttpException, ServiceUnavailableException } from '@nestjs/common';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { z } from 'zod';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../platform/http/public.decorator.js';
import { apiError } from '../platform/http/api-error.js';
import type { ProjectionStall } from '../platform/projections/projection-failures.js';
import { ReadinessProbes } from './readiness-probes.js';

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
    private readonly probes: ReadinessProbes,
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
        () => this.probes.eventStoreProbe(),
        () => this.probes.readStoreProbe(),
        () => this.probes.jobsProbe(),
        () => this.probes.projectionsProbe(),
      ]);
    } catch (error) {
      throw notReady(error);
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
