import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { ActionsController } from './actions.controller.js';
import { OutboxController } from './outbox.controller.js';
import { planCommandHandlers } from './plan/plan.commands.js';
import { planQueryHandlers } from './plan/plan.queries.js';
import { PlanSnapshotHandler } from './plan/plan-snapshot.query.js';
import { PlanPublicationJob } from './plan/plan-publication.job-registration.js';
import { PlansController, PublicPlansController } from './plan/plans.controller.js';
import { AtgarderProjections } from './atgarder-projections.runner.js';
import { atgarderCommandHandlers } from './commands/index.js';
import { ProblemsController } from './problems.controller.js';
import { atgarderQueryHandlers } from './queries/index.js';
import { AtgarderReminders } from './reminders/atgarder-reminders.js';

/** Problems, actions (åtgärder) and follow-ups (issue 19). */
@Module({
  imports: [IdentityModule],
  controllers: [
    ProblemsController,
    ActionsController,
    OutboxController,
    PlansController,
    PublicPlansController,
  ],
  providers: [
    AtgarderProjections,
    ...atgarderCommandHandlers,
    ...atgarderQueryHandlers,
    ...planCommandHandlers,
    ...planQueryHandlers,
    PlanSnapshotHandler,
    AtgarderReminders,
    PlanPublicationJob,
  ],
})
export class AtgarderModule {}
