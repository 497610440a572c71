import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { ReadinessProbes } from './readiness-probes.js';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [ReadinessProbes],
})
export class HealthModule {}
