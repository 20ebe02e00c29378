import { Module } from '@nestjs/common';
import { AuditSigner } from '../signing/audit-signer';
import { CheckpointBuilder } from './checkpoint-builder';
import { CheckpointScheduler } from './checkpoint-scheduler';

/** For the worker: builds and signs checkpoints periodically. */
@Module({
  providers: [AuditSigner, CheckpointBuilder, CheckpointScheduler],
  exports: [CheckpointBuilder],
})
export class AuditCheckpointsModule {}
