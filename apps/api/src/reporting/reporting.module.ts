import { Module } from '@nestjs/common';
import { ReportChanges, ReportGuards, reportingCommandHandlers } from './commands/index.js';
import { AppConfig } from '../config/app-config.js';
import {
  CrimeCategoriesController,
  IncidentCategoriesController,
  PeriodsController,
  PlacesController,
} from './periods.controller.js';
import { reportingQueryHandlers } from './queries/index.js';
import { ReportAndWeekCommands } from './report-and-week.js';
import { ReportsController } from './reports.controller.js';
import { ReportingDemo } from './reporting-demo.js';
import { ReportingProjections } from './reporting-projections.runner.js';
import { reportingSettingsOf } from './reporting.settings.js';
import { REPORTING_SETTINGS } from './reporting.tokens.js';

/** Weekly reporting: periods, reports, incidents, police statistics, places and compliance (issue 4). */
@Module({
  controllers: [
    ReportsController,
    PeriodsController,
    CrimeCategoriesController,
    IncidentCategoriesController,
    PlacesController,
  ],
  providers: [
    { provide: REPORTING_SETTINGS, useFactory: reportingSettingsOf, inject: [AppConfig] },
    ReportingProjections,
    ReportAndWeekCommands,
    ReportGuards,
    ReportChanges,
    ...reportingCommandHandlers,
    ...reportingQueryHandlers,
    ReportingDemo,
  ],
  // Other features read reporting through its queries on the QueryBus; the settings stay a provider.
  exports: [REPORTING_SETTINGS],
})
export class ReportingModule {}
