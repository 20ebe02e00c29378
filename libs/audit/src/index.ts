export { auditHash, GENESIS_HASH, type HashedAuditFields } from './audit-hash';
export { agencyStream, AuditTrail, requestStream, type AuditEntry } from './audit-trail';
export { AuditModule } from './audit.module';
