import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@liaison/domain';
import { LIAISON_CONFIG, parseUuid, type LiaisonConfig } from '@liaison/platform';
import { AuditReader } from '../access/audit-reader.decorator';
import { agencyScopeOf, auditScopeOf, readsTheTrail } from '../access/audit-scope';
import { notAnAuditor } from '../audit-problems';
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
  @ApiForbiddenResponse({ description: 'A request the caller sees, but the caller is no auditor.' })
  @ApiNotFoundResponse({ description: 'Unknown request, or one the caller may not see (whatever their role).' })
  async trail(
    @AuditReader() actor: Actor,
    @Param('requestId', parseUuid('requestId')) requestId: string,
  ): Promise<AuditEntryView[]> {
    const stream = requestStream(requestId);
    if (!readsTheTrail(actor)) {
      // Not an auditor: 403 only where the request is theirs to know of, 404 as for its other routes elsewhere.
      if (await this.entries.sees(agencyScopeOf(actor), stream)) throw notAnAuditor();
      throw new NotFoundException('Request not found');
    }
    const trail = await this.entries.stream(auditScopeOf(actor, this.config), stream);
    if (!trail) throw new NotFoundException('Request not found');
    return trail;
  }
}
