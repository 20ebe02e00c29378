import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PersonSchema } from './person.entity';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/**
 * A supervisor's purge of a person that waits for a second supervisor (four eyes): at most one per person. The row
 * goes when the purge is confirmed or cancelled, or the identity is purged otherwise, and with it the reason in
 * words, which the audit trail keeps only as a hash.
 */
export const PersonPurgeProposalSchema = defineEntity({
  name: 'PersonPurgeProposal',
  tableName: 'person_purge_proposal',
  properties: {
    ...identified(),
    person: () => p.manyToOne(PersonSchema).unique().deleteRule('cascade'),
    proposedBy: () => p.manyToOne(UserSchema),
    /** One of the requests lib's purge grounds. */
    ground: p.string().length(32),
    reason: p.text(),
    /** After this the proposal can no longer be confirmed: a purge is proposed afresh. */
    expiresAt: p.datetime(),
  },
});

export type PersonPurgeProposal = InferEntity<typeof PersonPurgeProposalSchema>;
