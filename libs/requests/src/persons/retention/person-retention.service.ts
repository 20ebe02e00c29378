import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, requestStream } from '@liaison/audit';
import { RequestSchema, runSql } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { RequestShredding } from '../../encryption/request-shredding';
import { PersonIdentityStore } from '../person-identity-store';
import { expiredPersonsSql, expiredRequestsSql } from './expired-persons.sql';
import { retentionCutoff } from './retention-cutoff';

const BATCH_SIZE = 200;

/**
 * Retention (docs/personal-data.md): PERSON_RETENTION_YEARS after a request's closure, its persons' identities
 * are purged as a supervisor's purge would, in batches, each batch in one transaction with its audit entries (actor:
 * the system).
 */
@Injectable()
export class PersonRetentionService {
  constructor(
    private readonly em: EntityManager,
    private readonly identities: PersonIdentityStore,
    private readonly audit: AuditTrail,
    private readonly shredding: RequestShredding,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  /**
   * Purges every identity past retention at `now`, then shreds those requests' own personal data (content, notes,
   * history payloads, attachments) by destroying their data keys; answers how many identities. Nothing when
   * retention is 0 (kept).
   */
  async purgeExpired(now: Date = new Date()): Promise<number> {
    const years = this.config.personalData.retentionYears;
    const cutoff = retentionCutoff(now, years);
    if (!cutoff) return 0;
    let total = 0;
    for (;;) {
      const purged = await this.purgeBatch(now, cutoff, years);
      total += purged;
      if (purged < BATCH_SIZE) break;
    }
    while ((await this.shredBatch(now, cutoff, years)) === BATCH_SIZE);
    return total;
  }

  private shredBatch(now: Date, cutoff: Date, years: number): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const rows = await runSql<{ id: string }>(tx, expiredRequestsSql(cutoff, BATCH_SIZE));
      for (const { id } of rows) {
        const request = await tx.findOneOrFail(RequestSchema, id);
        const keyDestroyed = await this.shredding.shred(tx, request, now);
        await this.audit.append(tx, {
          stream: requestStream(id),
          action: 'request.personal_data_purged',
          subjectType: 'request',
          subjectId: id,
          actor: null,
          data: {
            ground: 'retention_expired',
            automatic: true,
            keyDestroyed,
            retentionYears: years,
            closedBefore: cutoff.toISOString(),
          },
        });
      }
      await tx.flush();
      return rows.length;
    });
  }

  private purgeBatch(now: Date, cutoff: Date, years: number): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const rows = await runSql<{ id: string }>(tx, expiredPersonsSql(cutoff, BATCH_SIZE));
      if (rows.length === 0) return 0;
      const persons = await this.identities.findForPurge(
        tx,
        rows.map((row) => row.id),
      );
      await this.identities.purge(tx, persons, now);
      await tx.flush();
      for (const person of persons) {
        await this.audit.append(tx, {
          stream: requestStream(person.request.id),
          action: 'person.purged',
          subjectType: 'person',
          subjectId: person.id,
          actor: null,
          data: {
            requestId: person.request.id,
            ground: 'retention_expired',
            automatic: true,
            retentionYears: years,
            closedBefore: cutoff.toISOString(),
          },
        });
      }
      return rows.length;
    });
  }
}
