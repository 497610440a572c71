import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { auditQueryHandlers } from './queries/index.js';

/** The audit trail: every event of every stream, browsable by those the matrix allows. */
@Module({ controllers: [AuditController], providers: [...auditQueryHandlers] })
export class AuditModule {}
