import { Module } from '@nestjs/common';
import { AuditTrail } from '@liaison/audit';
import { MASTER_KEYRING_PROVIDER } from '@liaison/platform';
import {
  ATTACHMENT_SETTINGS,
  attachmentSettings,
  type AttachmentSettings,
} from '../../attachments/attachment-settings';
import { ATTACHMENT_STORE } from '../../attachments/attachment-store';
import { FilesystemAttachmentStore } from '../../attachments/filesystem-attachment-store';
import { RequestSealingAtStart } from '../../encryption/request-sealing';
import { RequestShredding } from '../../encryption/request-shredding';
import { RequestVault } from '../../encryption/request-vault';
import { PersonIdentityStore } from '../person-identity-store';
import { PersonRetentionScheduler } from './person-retention.scheduler';
import { PersonRetentionService } from './person-retention.service';

/**
 * For the worker: purges persons' identities and shreds requests' personal data PERSON_RETENTION_YEARS after their
 * request's closure, and seals at start what is still in clear from before encryption.
 */
@Module({
  providers: [
    MASTER_KEYRING_PROVIDER,
    AuditTrail,
    PersonIdentityStore,
    RequestVault,
    RequestShredding,
    RequestSealingAtStart,
    PersonRetentionService,
    PersonRetentionScheduler,
    { provide: ATTACHMENT_SETTINGS, useFactory: () => attachmentSettings() },
    {
      provide: ATTACHMENT_STORE,
      inject: [ATTACHMENT_SETTINGS],
      useFactory: (settings: AttachmentSettings) => new FilesystemAttachmentStore(settings.directory),
    },
  ],
  exports: [PersonRetentionService],
})
export class PersonRetentionModule {}
