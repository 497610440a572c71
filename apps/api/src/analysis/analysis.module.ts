import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { ReportingModule } from '../reporting/reporting.module.js';
import { AnalysisController } from './analysis.controller.js';
import { analysisQueryHandlers } from './queries/index.js';

/** Analysis (issue 18): the facts of the weeks and the trends over them. */
@Module({
  imports: [ReportingModule, IdentityModule],
  controllers: [AnalysisController],
  providers: [...analysisQueryHandlers],
})
export class AnalysisModule {}
