import { defineFeature } from '../platform/feature.js';
import { areasProjection } from './areas.projection.js';
import { mapCommandHandlers } from './commands/index.js';
import { mapSettingsSchema } from './map.settings.js';
import { MapModule } from './map.module.js';
import { mapQueryHandlers } from './queries/index.js';

/** The map: areas, places in areas, incidents at their places (issue 20; platform/feature.ts). */
export const mapFeature = defineFeature({
  name: 'map',
  module: MapModule,
  commandHandlers: mapCommandHandlers,
  queryHandlers: mapQueryHandlers,
  projections: [areasProjection],
  settings: mapSettingsSchema,
});
