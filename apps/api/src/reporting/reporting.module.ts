import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { CrimeCategoriesController, PeriodsController, PlacesController } from './periods.controller.js';
import { ReportsController } from './reports.controller.js';
import { ReportingDemo } from './reporting-demo.js';
import { ReportingProjections } from './reporting-projections.runner.js';
import { ReportingService } from './reporting.service.js';
import { reportingSettingsOf } from './reporting.settings.js';
import { REPORTING_SETTINGS } from './reporting.tokens.js';

/** Weekly reporting: periods, reports, incidents, police statistics, places and compliance (issue 4). */
@Module({
  controllers: [ReportsController, PeriodsController, CrimeCategoriesController, PlacesController],
  providers: [
    { provide: REPORTING_SETTINGS, useFactory: reportingSettingsOf, inject: [AppConfig] },
    ReportingProjections,
    ReportingService,
    ReportingDemo,
  ],
  exports: [ReportingService],
})
export class ReportingModule {}
