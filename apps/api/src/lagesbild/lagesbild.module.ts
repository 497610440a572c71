import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ReportingModule } from '../reporting/reporting.module.js';
import { lagesbildCommandHandlers } from './commands/index.js';
import { LagesbildAggregate } from './lagesbild-aggregate.js';
import { AudiencesController } from './audiences.controller.js';
import { LagesbilderController } from './lagesbilder.controller.js';
import { PublishingController } from './publishing.controller.js';
import { RedactionsController } from './redactions.controller.js';
import { lagesbildQueryHandlers } from './queries/index.js';
import { LAGESBILD_SETTINGS, lagesbildSettingsOf } from './lagesbild.settings.js';
import { ScannerOptionsSource } from './scanner-options.js';

/** Compile, versions, redactions, suggestions, approval and publication requests (issue 5). */
@Module({
  imports: [ReportingModule, IdentityModule],
  controllers: [LagesbilderController, AudiencesController, RedactionsController, PublishingController],
  providers: [
    LagesbildAggregate,
    { provide: LAGESBILD_SETTINGS, useFactory: lagesbildSettingsOf, inject: [AppConfig] },
    ScannerOptionsSource,
    ...lagesbildCommandHandlers,
    ...lagesbildQueryHandlers,
  ],
  exports: [LAGESBILD_SETTINGS],
})
export class LagesbildModule {}
