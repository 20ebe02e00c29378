import { Module } from '@nestjs/common';
import { RequestsModule } from '@liaison/requests';
import { TransitionsController } from './transitions.controller';
import { WorkflowService } from './workflow.service';

/** The one write path for state changes: POST /v1/requests/:id/transitions. */
@Module({
  imports: [RequestsModule],
  controllers: [TransitionsController],
  providers: [WorkflowService],
  exports: [WorkflowService],
})
export class WorkflowModule {}
