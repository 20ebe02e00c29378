/**
 * The transitions benchmark's data: two agencies, an officer and a supervisor of the requesting one, and complete
 * MLA drafts with ids `0190b000-0000-7000-8000-<12 decimal digits>` (pgbench names them from an integer), each with
 * its first audit entry (`request.created`, hash-chained) so that every transition finds a stream head.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { chainEntry, requestStream } from '@liaison/audit';
import { AuditEventSchema, ormConfig, RequestSchema } from '@liaison/data';
import { createAgency, createUser } from '@liaison/testing';
import { COMPLETE_MLA_CONTENT } from '../../e2e/support/mla-draft';
import { send } from './http-load';

export const ID_PREFIX = '0190b000-0000-7000-8000-';
export const ID_BASE = 100_000_000_000;
const REASON = { reason: 'Please attach the court order (benchmark)' };

export const requestId = (index: number) => `${ID_PREFIX}${ID_BASE + index}`;

export interface Fixture {
  india: string;
  nepal: string;
  officer: { id: string; email: string };
  supervisor: { id: string; email: string };
  others: string[];
}

export interface Tokens {
  officer: string;
  supervisor: string;
}

export async function arrange(owner: string, drafts: number): Promise<Fixture> {
  const orm = await MikroORM.init(ormConfig(owner));
  try {
    const em = orm.em.fork();
    const india = await createAgency(em, { name: 'CBI', country: 'IN' });
    const nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    const officer = await createUser(em, india, { roles: ['OFFICER'], email: 'officer@bench.example' });
    const supervisor = await createUser(em, india, { roles: ['SUPERVISOR'], email: 'supervisor@bench.example' });
    const nepalOfficer = await createUser(em, nepal, { roles: ['OFFICER'] });
    const nepalSupervisor = await createUser(em, nepal, { roles: ['SUPERVISOR'] });
    for (let start = 0; start < drafts; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, drafts - start) }, (_, offset) => {
        const index = start + offset;
        return {
          id: requestId(index),
          createdAt: new Date(),
          updatedAt: new Date(),
          reference: `MLA-2026-${String(index + 1).padStart(6, '0')}`,
          kind: 'mla' as const,
          requestingAgency: india.id,
          requestedAgency: nepal.id,
          createdBy: officer.id,
          legalBasis: 'untoc',
          title: `Bench request ${index + 1}`,
          content: COMPLETE_MLA_CONTENT,
          state: 'draft',
          timers: [],
          lastActivityAt: new Date(),
        };
      });
      await em.insertMany(RequestSchema, rows);
      await em.insertMany(
        AuditEventSchema,
        rows.map((row) => {
          const entry = chainEntry(
            {
              stream: requestStream(row.id),
              action: 'request.created',
              subjectType: 'request',
              subjectId: row.id,
              actor: { userId: officer.id, agencyId: india.id },
              data: { reference: row.reference, kind: 'mla' },
            },
            undefined,
          );
          return { ...entry, occurredAt: new Date(entry.occurredAt) };
        }),
      );
    }
    return {
      india: india.id,
      nepal: nepal.id,
      officer: { id: officer.id, email: officer.email },
      supervisor: { id: supervisor.id, email: supervisor.email },
      others: [nepalOfficer.id, nepalSupervisor.id],
    };
  } finally {
    await orm.close(true);
  }
}

/** Even passes over a draft submit it (officer), odd ones return it for amendment (supervisor): always accepted. */
export function transition(port: string | number, tokens: Tokens, index: number, pass: number) {
  const submit = pass % 2 === 0;
  return send(
    port,
    'POST',
    `/v1/requests/${requestId(index)}/transitions`,
    submit ? tokens.officer : tokens.supervisor,
    submit ? { event: 'submit' } : { event: 'return_for_amendment', payload: REASON },
  );
}
