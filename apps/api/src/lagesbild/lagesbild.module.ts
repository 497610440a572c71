import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { ReportingModule } from '../reporting/reporting.module.js';
import { lagesbildCommandHandlers } from './commands/index.js';
import { LagesbildAggregate } from './lagesbild-aggregate.js';
import { LAGESBILD_SETTINGS, lagesbildSettingsFrom } from './lagesbild.settings.js';
import { LagesbilderController } from './lagesbilder.controller.js';
import { lagesbildQueryHandlers } from './queries/index.js';
import { ScannerOptionsSource } from './scanner-options.js';

/** Compile, versions, redactions, suggestions, approval and publication requests (issue 5). */
@Module({
  imports: [ReportingModule, IdentityModule],
  controllers: [LagesbilderController],
  providers: [
    { provide: LAGESBILD_SETTINGS, useFactory: () => lagesbildSettingsFrom() },
    LagesbildAggregate,
    ScannerOptionsSource,
    ...lagesbildCommandHandlers,
    ...lagesbildQueryHandlers,
  ],
  exports: [LAGESBILD_SETTINGS],
})
export class LagesbildModule {}
