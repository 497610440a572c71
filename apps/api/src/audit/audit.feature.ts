import { defineFeature } from '../platform/feature.js';
import { auditLogProjection } from './audit-log.projection.js';
import { AuditModule } from './audit.module.js';
import { auditQueryHandlers } from './queries/index.js';

/** The audit trail (platform/feature.ts). */
export const auditFeature = defineFeature({
  name: 'audit',
  module: AuditModule,
  commandHandlers: [],
  queryHandlers: auditQueryHandlers,
  projections: [auditLogProjection],
});
