export { auditHash, GENESIS_HASH, type HashedAuditFields } from './audit-hash';
export {
  agencyStream,
  AuditTrail,
  chainEntry,
  requestStream,
  SYSTEM_STREAM,
  type AuditEntry,
  type ChainedEntry,
  type StreamHead,
} from './audit-trail';
export { insertAuditEventSql, streamHeadSql } from './audit-trail.sql';
export { AuditModule } from './audit.module';
export { AuditCheckpointsModule } from './checkpoints/audit-checkpoints.module';
export { CheckpointBuilder } from './checkpoints/checkpoint-builder';
export { CheckpointScheduler } from './checkpoints/checkpoint-scheduler';
export { WitnessPublisher } from './witness/witness-publisher';
export { AuditPublicKey } from './signing/audit-public-key';
export { AuditSigner } from './signing/audit-signer';
export { keyIdOf, parsePublicKey } from './signing/signing-key';
export { leafHash, MerkleTree, verifyInclusion } from './merkle/merkle-tree';
export { signStatement, statementOf, type SignedCheckpoint } from './checkpoints/checkpoint-statement';
export { verifyExportFile } from './cli/liaison-audit';
