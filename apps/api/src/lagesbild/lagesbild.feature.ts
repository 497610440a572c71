import { defineFeature } from '../platform/feature.js';
import { lagesbildCommandHandlers } from './commands/index.js';
import { lagesbildSettingsSchema } from './lagesbild.settings.js';
import { LagesbildModule } from './lagesbild.module.js';
import { lagesbildQueryHandlers } from './queries/index.js';

/** Compile, versions, redactions, suggestions and approval (platform/feature.ts). */
export const lagesbildFeature = defineFeature({
  name: 'lagesbild',
  module: LagesbildModule,
  commandHandlers: lagesbildCommandHandlers,
  queryHandlers: lagesbildQueryHandlers,
  projections: [],
  settings: lagesbildSettingsSchema,
});
