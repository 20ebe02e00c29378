import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { describeWorkflow, findLegalBasis, isRequestKind, type WorkflowDescription } from '@liaison/domain';
import { WorkflowQuery } from './workflow.query';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  @Get(':kind')
  @ApiOkResponse({
    description: "A kind's workflow as data: states, events (who may send them, payload), timers, refusal grounds.",
  })
  @ApiNotFoundResponse({ description: 'Unknown kind.' })
  describe(@Param('kind') kind: string, @Query() query: WorkflowQuery): WorkflowDescription {
    if (!isRequestKind(kind)) throw new NotFoundException(`No workflow for the kind "${kind}"`);
    return describeWorkflow(kind, query.legalBasis ? findLegalBasis(query.legalBasis) : undefined);
  }
}
