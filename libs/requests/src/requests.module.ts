import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AuditModule } from '@liaison/audit';
import { AuthModule } from '@liaison/auth';
import { MASTER_KEYRING_PROVIDER } from '@liaison/platform';
import { RequestAccess } from './access/request-access';
import { ATTACHMENT_SETTINGS, attachmentSettings, type AttachmentSettings } from './attachments/attachment-settings';
import { ATTACHMENT_STORE } from './attachments/attachment-store';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { FilesystemAttachmentStore } from './attachments/filesystem-attachment-store';
import { DraftsService } from './drafts/drafts.service';
import { RequestVault } from './encryption/request-vault';
import { RequestHistoryService } from './history/request-history.service';
import { IdempotentReplays } from './idempotency/idempotent-replays';
import { LinksController } from './links/links.controller';
import { LinksService } from './links/links.service';
import { NotesController } from './notes/notes.controller';
import { NotesService } from './notes/notes.service';
import { PersonIdentityStore } from './persons/person-identity-store';
import { PersonsController } from './persons/persons.controller';
import { PersonsService } from './persons/persons.service';
import { PersonPurgeController } from './persons/purge/person-purge.controller';
import { PersonPurgeService } from './persons/purge/person-purge.service';
import { RequestsController } from './requests.controller';
import { RequestSearchService } from './search/request-search.service';
import { StatisticsController } from './statistics/statistics.controller';
import { StatisticsService } from './statistics/statistics.service';
import { RequestPresenter } from './view/request-presenter';
import { RequestReader } from './view/request-reader';
import { WorkflowsController } from './workflows/workflows.controller';
import { MyWorkController } from './work/my-work.controller';
import { MyWorkService } from './work/my-work.service';

/** The request aggregate: drafts, persons, attachments, notes, links, search, and who may see what. */
@Module({
  imports: [
    AuthModule,
    AuditModule,
    MulterModule.registerAsync({
      useFactory: () => ({ limits: { fileSize: attachmentSettings().maxBytes, files: 1, fields: 10, parts: 12 } }),
    }),
  ],
  controllers: [
    RequestsController,
    PersonsController,
    PersonPurgeController,
    AttachmentsController,
    NotesController,
    LinksController,
    WorkflowsController,
    StatisticsController,
    MyWorkController,
  ],
  providers: [
    RequestAccess,
    RequestPresenter,
    RequestReader,
    DraftsService,
    RequestHistoryService,
    RequestSearchService,
    MASTER_KEYRING_PROVIDER,
    RequestVault,
    PersonIdentityStore,
    PersonsService,
    PersonPurgeService,
    AttachmentsService,
    NotesService,
    LinksService,
    StatisticsService,
    MyWorkService,
    IdempotentReplays,
    { provide: ATTACHMENT_SETTINGS, useFactory: () => attachmentSettings() },
    {
      provide: ATTACHMENT_STORE,
      inject: [ATTACHMENT_SETTINGS],
      useFactory: (settings: AttachmentSettings) => new FilesystemAttachmentStore(settings.directory),
    },
  ],
  exports: [RequestAccess, RequestPresenter, RequestVault, PersonIdentityStore, ATTACHMENT_STORE, IdempotentReplays],
})
export class RequestsModule {}
