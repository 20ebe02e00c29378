import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Grant } from '@liaison/domain';
import { AgencySchema } from './agency.entity';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/**
 * A grant that waits for a second administrator (SUPERVISOR, AUDITOR, the platform-admin flag): at most one per user
 * and grant. The row goes when the grant is confirmed or refused; the trail keeps what happened.
 */
export const RoleGrantSchema = defineEntity({
  name: 'RoleGrant',
  tableName: 'role_grant',
  properties: {
    ...identified(),
    user: () => p.manyToOne(UserSchema).deleteRule('cascade'),
    /** The grantee's agency, whose administrators decide a role. */
    agency: () => p.manyToOne(AgencySchema).index(),
    grant: p.string().length(32).$type<Grant>(),
    proposedBy: () => p.manyToOne(UserSchema),
  },
  uniques: [{ properties: ['user', 'grant'] }],
});

export type RoleGrant = InferEntity<typeof RoleGrantSchema>;
