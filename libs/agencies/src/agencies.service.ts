import { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { AgencySchema, type Agency } from '@liaison/data';
import { mayCreateAgencies, type CallerContext } from '@liaison/domain';
import type { CreateAgencyDto } from './dto/create-agency.dto';

/** The directory of agencies: every signed-in user can read it (to address requests); operators extend it. */
@Injectable()
export class AgenciesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
  ) {}

  list(country?: string): Promise<Agency[]> {
    return this.em.fork().find(AgencySchema, country ? { country } : {}, { orderBy: { country: 'asc', name: 'asc' } });
  }

  async get(id: string): Promise<Agency> {
    const agency = await this.em.fork().findOne(AgencySchema, id);
    if (!agency) throw new NotFoundException('Agency not found');
    return agency;
  }

  async create({ actor, clientRequestId }: CallerContext, input: CreateAgencyDto): Promise<Agency> {
    if (!mayCreateAgencies(actor)) throw new ForbiddenException('Only platform administrators create agencies');
    return this.em.fork().transactional(async (em) => {
      const agency = em.create(AgencySchema, {
        name: input.name,
        country: input.country,
        type: input.type,
        centralAuthority: input.centralAuthority ?? false,
        acceptedLanguages: input.acceptedLanguages ?? ['en'],
      });
      await em.flush();
      await this.audit.append(em, {
        stream: agencyStream(agency.id),
        action: 'agency.created',
        subjectType: 'agency',
        subjectId: agency.id,
        actor,
        clientRequestId,
        data: { country: agency.country, type: agency.type, centralAuthority: agency.centralAuthority },
      });
      return agency;
    });
  }
}
