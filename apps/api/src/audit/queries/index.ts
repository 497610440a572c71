import { AuditLogHandler } from './list-audit-log.query.js';

export { AuditLogQuery } from './list-audit-log.query.js';

/** The audit feature's reads. */
export const auditQueryHandlers = [AuditLogHandler];
