import { Module } from '@nestjs/common';
import { RequestAccess } from './access/request-access';
import { RequestPresenter } from './view/request-presenter';

/** The request aggregate: drafts, persons, attachments, links, search, and who may see what. */
@Module({
  providers: [RequestAccess, RequestPresenter],
  exports: [RequestAccess, RequestPresenter],
})
export class RequestsModule {}
