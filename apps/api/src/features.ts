import { atgarderFeature } from './atgarder/atgarder.feature.js';
import { analysisFeature } from './analysis/analysis.feature.js';
import { auditFeature } from './audit/audit.feature.js';
import { gallringFeature } from './gallring/gallring.feature.js';
import { identityFeature } from './identity/identity.feature.js';
import { lagesbildFeature } from './lagesbild/lagesbild.feature.js';
import { mapFeature } from './map/map.feature.js';
import type { FeatureManifest } from './platform/feature.js';
import { publicationFeature } from './publication/publication.feature.js';
import { reportingFeature } from './reporting/reporting.feature.js';

/**
 * Every feature of Läget, in the order their modules are imported: the one list the application
 * (app.module.ts), the rebuild CLI and the configuration read (docs/adr/0023).
 */
export const features: readonly FeatureManifest[] = [
  identityFeature,
  reportingFeature,
  auditFeature,
  lagesbildFeature,
  publicationFeature,
  gallringFeature,
  atgarderFeature,
  analysisFeature,
  mapFeature,
];
