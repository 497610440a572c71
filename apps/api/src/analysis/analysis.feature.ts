import { defineFeature } from '../platform/feature.js';
import { AnalysisModule } from './analysis.module.js';
import { factsProjection } from './facts.projection.js';
import { analysisQueryHandlers } from './queries/index.js';

/** Analysis: the facts projection and the trends over it (issue 18; platform/feature.ts). */
export const analysisFeature = defineFeature({
  name: 'analysis',
  module: AnalysisModule,
  commandHandlers: [],
  queryHandlers: analysisQueryHandlers,
  projections: [factsProjection],
});
