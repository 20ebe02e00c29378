import { Module } from '@nestjs/common';
import { AuditModule } from '@liaison/audit';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

/** GET /v1/inbox, GET /v1/inbox/unread-count, POST /v1/inbox/:id/read. */
@Module({ imports: [AuditModule], controllers: [InboxController], providers: [InboxService] })
export class InboxModule {}
