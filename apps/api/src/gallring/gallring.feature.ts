import { defineFeature } from '../platform/feature.js';
import { gallringCommandHandlers } from './commands/index.js';
import { gallringLogProjection } from './gallring-log.projection.js';
import { GallringModule } from './gallring.module.js';
import { gallringSettings } from './gallring.settings.js';
import { gallringQueryHandlers } from './queries/retention.query.js';

/** Gallring and erasure: crypto-shredding of personal data by rule and on request (platform/feature.ts). */
export const gallringFeature = defineFeature({
  name: 'gallring',
  module: GallringModule,
  commandHandlers: gallringCommandHandlers,
  queryHandlers: gallringQueryHandlers,
  projections: [gallringLogProjection],
  settings: gallringSettings,
});
