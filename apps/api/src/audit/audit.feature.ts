import { defineFeature } from '../platform/feature.js';
import { auditLogProjection } from './audit-log.projection.js';
import { AuditModule } from './audit.module.js';

/** The audit trail (platform/feature.ts). */
export const auditFeature = defineFeature({
  name: 'audit',
  module: AuditModule,
  commandHandlers: [],
  queryHandlers: [],
  projections: [auditLogProjection],
});
