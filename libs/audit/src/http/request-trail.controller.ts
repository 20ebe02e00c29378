import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@liaison/domain';
import { LIAISON_CONFIG, parseUuid, type LiaisonConfig } from '@liaison/platform';
import { AuditReader } from '../access/audit-reader.decorator';
import { auditScopeOf } from '../access/audit-scope';
import { requestStream } from '../audit-trail';
import { AuditEntries } from '../query/audit-entries.service';
import { AuditEntryView } from './dto/audit-entry.view';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('requests')
export class RequestTrailController {
  constructor(
    private readonly entries: AuditEntries,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  @Get(':requestId/trail')
  @ApiOkResponse({ type: [AuditEntryView], description: "The request's audit stream in sequence order." })
  @ApiNotFoundResponse({ description: 'Unknown request, or one the auditor may not see.' })
  async trail(
    @AuditReader() actor: Actor,
    @Param('requestId', parseUuid('requestId')) requestId: string,
  ): Promise<AuditEntryView[]> {
    const trail = await this.entries.stream(auditScopeOf(actor, this.config), requestStream(requestId));
    if (!trail) throw new NotFoundException('Request not found');
    return trail;
  }
}
