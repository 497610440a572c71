import { Module } from '@nestjs/common';
import { Projections } from '../platform/projections.service.js';
import { auditLogProjection } from './audit-log.projection.js';
import { AuditController } from './audit.controller.js';

/** The audit trail: every event of every stream, browsable by those the matrix allows. */
@Module({ controllers: [AuditController] })
export class AuditModule {
  constructor(projections: Projections) {
    projections.register(auditLogProjection);
  }
}
