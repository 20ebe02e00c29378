import { Module } from '@nestjs/common';
import { AuditTrail } from '@liaison/audit';
import { MASTER_KEYRING_PROVIDER } from '@liaison/platform';
import { PersonIdentityStore } from '../person-identity-store';
import { PersonRetentionScheduler } from './person-retention.scheduler';
import { PersonRetentionService } from './person-retention.service';

/** For the worker: purges persons' identities PERSON_RETENTION_YEARS after their request's closure. */
@Module({
  providers: [
    MASTER_KEYRING_PROVIDER,
    AuditTrail,
    PersonIdentityStore,
    PersonRetentionService,
    PersonRetentionScheduler,
  ],
  exports: [PersonRetentionService],
})
export class PersonRetentionModule {}
