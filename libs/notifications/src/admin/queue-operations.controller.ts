import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CallerContext } from '@liaison/domain';
import { Caller } from '@liaison/platform';
import { QueueOperationsService } from './queue-operations.service';
import { QueueOperationView } from './queue-operations.view';

@ApiTags('operations')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'No queue of that name.' })
@Controller('admin/queues/:queue/failed')
export class QueueOperationsController {
  constructor(private readonly operations: QueueOperationsService) {}

  @Post('retry')
  @HttpCode(200)
  @ApiOkResponse({ type: QueueOperationView, description: 'Platform admins only; audited.' })
  retry(@Caller() caller: CallerContext, @Param('queue') queue: string): Promise<QueueOperationView> {
    return this.operations.retryFailed(caller, queue);
  }

  @Post('clean')
  @HttpCode(200)
  @ApiOkResponse({ type: QueueOperationView, description: 'Platform admins only; audited.' })
  clean(@Caller() caller: CallerContext, @Param('queue') queue: string): Promise<QueueOperationView> {
    return this.operations.cleanFailed(caller, queue);
  }
}
