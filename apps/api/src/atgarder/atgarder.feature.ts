import { defineFeature } from '../platform/feature.js';
import { AtgarderModule } from './atgarder.module.js';
import { atgarderProjections } from './atgarder.projections.js';
import { atgarderCommandHandlers } from './commands/index.js';
import { atgarderQueryHandlers } from './queries/index.js';
import { planCommandHandlers } from './plan/plan.commands.js';
import { planQueryHandlers } from './plan/plan.queries.js';
import { PlanSnapshotHandler } from './plan/plan-snapshot.query.js';
import { planPublicationReactor } from './plan/publish-plan.job.js';

/** Problems, actions (åtgärder) with owners and follow-ups (issue 19; platform/feature.ts). */
export const atgarderFeature = defineFeature({
  name: 'atgarder',
  module: AtgarderModule,
  commandHandlers: [...atgarderCommandHandlers, ...planCommandHandlers],
  queryHandlers: [...atgarderQueryHandlers, ...planQueryHandlers, PlanSnapshotHandler],
  projections: atgarderProjections,
  reactors: () => [planPublicationReactor()],
});
