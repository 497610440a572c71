import { Module } from '@nestjs/common';
import { gallringCommandHandlers } from './commands/index.js';
import { GallringController } from './gallring.controller.js';
import { GallringJobs } from './gallring-jobs.js';
import { gallringQueryHandlers } from './queries/retention.query.js';
import { Shredder } from './shredder.js';
import { StoredCopies } from './stored-copies.js';

/** Gallring and erasure of personal data (issue 17, docs/adr/0025). */
@Module({
  controllers: [GallringController],
  providers: [...gallringCommandHandlers, ...gallringQueryHandlers, Shredder, StoredCopies, GallringJobs],
})
export class GallringModule {}
