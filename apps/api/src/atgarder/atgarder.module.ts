import { Module } from '@nestjs/common';
import { ActionsController } from './actions.controller.js';
import { AtgarderProjections } from './atgarder-projections.runner.js';
import { atgarderCommandHandlers } from './commands/index.js';
import { ProblemsController } from './problems.controller.js';
import { atgarderQueryHandlers } from './queries/index.js';

/** Problems, actions (åtgärder) and follow-ups (issue 19). */
@Module({
  controllers: [ProblemsController, ActionsController],
  providers: [AtgarderProjections, ...atgarderCommandHandlers, ...atgarderQueryHandlers],
})
export class AtgarderModule {}
