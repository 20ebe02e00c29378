import { Module } from '@nestjs/common';
import { AuditSigner } from '../signing/audit-signer';
import { CheckpointBuilder } from './checkpoint-builder';
import { CheckpointScheduler } from './checkpoint-scheduler';
import { WitnessPublisher } from '../witness/witness-publisher';

/** For the worker: builds and signs checkpoints periodically, and publishes them to the witness. */
@Module({
  providers: [AuditSigner, CheckpointBuilder, CheckpointScheduler, WitnessPublisher],
  exports: [CheckpointBuilder, WitnessPublisher],
})
export class AuditCheckpointsModule {}
