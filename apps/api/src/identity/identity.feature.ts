import { defineFeature } from '../platform/feature.js';
import { identityCommandHandlers } from './commands/index.js';
import { identityQueryHandlers } from './queries/index.js';
import { identitySettingsSchema } from './identity.settings.js';
import { identityProjection } from './identity.projection.js';
import { IdentityModule } from './identity.module.js';

/** Organisations, logins, sessions and tokens (platform/feature.ts). */
export const identityFeature = defineFeature({
  name: 'identity',
  module: IdentityModule,
  commandHandlers: identityCommandHandlers,
  queryHandlers: identityQueryHandlers,
  projections: [identityProjection],
  settings: identitySettingsSchema,
});
