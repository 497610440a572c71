import { defineFeature } from '../platform/feature.js';
import { lagesbildSettingsSchema } from './lagesbild.settings.js';
import { LagesbildModule } from './lagesbild.module.js';

/** Compile, versions, redactions, suggestions and approval (platform/feature.ts). */
export const lagesbildFeature = defineFeature({
  name: 'lagesbild',
  module: LagesbildModule,
  commandHandlers: [],
  queryHandlers: [],
  projections: [],
  settings: lagesbildSettingsSchema,
});
