import { defineFeature } from '../platform/feature.js';
import { AtgarderModule } from './atgarder.module.js';
import { atgarderProjections } from './atgarder.projections.js';
import { atgarderCommandHandlers } from './commands/index.js';
import { atgarderQueryHandlers } from './queries/index.js';

/** Problems, actions (åtgärder) with owners and follow-ups (issue 19; platform/feature.ts). */
export const atgarderFeature = defineFeature({
  name: 'atgarder',
  module: AtgarderModule,
  commandHandlers: atgarderCommandHandlers,
  queryHandlers: atgarderQueryHandlers,
  projections: atgarderProjections,
});
