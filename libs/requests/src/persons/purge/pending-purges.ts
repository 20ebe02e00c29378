import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonPurgeProposalSchema, type PersonPurgeProposal } from '@liaison/data';

/** The proposed purges of these persons, by person id, with their proposer. */
export async function findPendingPurges(
  em: EntityManager,
  personIds: string[],
): Promise<Map<string, PersonPurgeProposal>> {
  if (personIds.length === 0) return new Map();
  const proposals = await em.find(
    PersonPurgeProposalSchema,
    { person: { $in: personIds } },
    { populate: ['proposedBy'] },
  );
  return new Map(proposals.map((proposal) => [proposal.person.id, proposal]));
}
