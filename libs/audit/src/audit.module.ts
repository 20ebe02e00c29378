import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';
import { InclusionProofs } from './checkpoints/inclusion-proofs';
import { AuditExport } from './export/audit-export.service';
import { AuditController } from './http/audit.controller';
import { RequestTrailController } from './http/request-trail.controller';
import { AuditEntries } from './query/audit-entries.service';
import { AuditPublicKey } from './signing/audit-public-key';
import { TrailVerifier } from './verify/trail-verifier.service';

/** The trail appender for every feature, and the auditors' API (`/v1/audit/...`, `/v1/requests/:id/trail`). */
@Global()
@Module({
  controllers: [AuditController, RequestTrailController],
  providers: [AuditTrail, AuditPublicKey, AuditEntries, InclusionProofs, TrailVerifier, AuditExport],
  exports: [AuditTrail],
})
export class AuditModule {}
