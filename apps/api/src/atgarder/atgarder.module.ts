import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { ActionsController } from './actions.controller.js';
import { OutboxController } from './outbox.controller.js';
import { AtgarderProjections } from './atgarder-projections.runner.js';
import { atgarderCommandHandlers } from './commands/index.js';
import { ProblemsController } from './problems.controller.js';
import { atgarderQueryHandlers } from './queries/index.js';
import { AtgarderReminders } from './reminders/atgarder-reminders.js';

/** Problems, actions (åtgärder) and follow-ups (issue 19). */
@Module({
  imports: [IdentityModule],
  controllers: [ProblemsController, ActionsController, OutboxController],
  providers: [AtgarderProjections, ...atgarderCommandHandlers, ...atgarderQueryHandlers, AtgarderReminders],
})
export class AtgarderModule {}
