import { ApiProperty } from '@nestjs/swagger';
import type { Person } from '@liaison/data';
import { GENDERS, HANDLING_CODES, PERSON_ROLES } from '@liaison/domain';
import type { PersonIdentity, RedactedIdentity } from './person-identity';
import { PersonIdentityView } from './person-identity.view';
import { PendingPurgeView } from './purge/pending-purge.view';

/**
 * `clear`: the identity as stored (an audited decryption); `redacted`: every identifying field withheld (task-force
 * members, auditors); `omitted`: not read by this answer (a write that did not send it); `purged`: destroyed, no
 * longer readable by anyone.
 */
export const IDENTITY_DISCLOSURES = ['clear', 'redacted', 'omitted', 'purged'] as const;
export type IdentityDisclosure = (typeof IDENTITY_DISCLOSURES)[number];

export class PersonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: PERSON_ROLES }) role!: string;
  @ApiProperty({ enum: GENDERS }) gender!: string;
  @ApiProperty({ type: String, nullable: true }) nationality!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) minor!: boolean | null;
  @ApiProperty({ enum: HANDLING_CODES }) handlingCode!: string;
  @ApiProperty({ enum: IDENTITY_DISCLOSURES }) identityDisclosure!: IdentityDisclosure;
  @ApiProperty({
    type: PersonIdentityView,
    nullable: true,
    description: 'Null when purged or omitted; every field null when redacted.',
  })
  identity!: PersonIdentity | RedactedIdentity | null;
  @ApiProperty({ description: 'The identity was destroyed (purge or end of retention): `identity` is null.' })
  purged!: boolean;
  @ApiProperty({ type: String, nullable: true }) purgedAt!: string | null;
  @ApiProperty({
    type: PendingPurgeView,
    nullable: true,
    description: "A supervisor's purge waiting for a second supervisor; null when there is none.",
  })
  pendingPurge!: PendingPurgeView | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class PersonListView {
  @ApiProperty({ type: [PersonView] }) items!: PersonView[];
}

export function toPersonView(
  person: Person,
  disclosure: IdentityDisclosure,
  identity: PersonIdentity | RedactedIdentity | null,
  pendingPurge: PendingPurgeView | null = null,
): PersonView {
  return {
    id: person.id,
    requestId: person.request.id,
    role: person.role,
    gender: person.gender,
    nationality: person.nationality ?? null,
    minor: person.minor ?? null,
    handlingCode: person.handlingCode,
    ...(person.purgedAt
      ? { identityDisclosure: 'purged' as const, identity: null }
      : { identityDisclosure: disclosure, identity }),
    purged: person.purgedAt != null,
    purgedAt: person.purgedAt?.toISOString() ?? null,
    pendingPurge: person.purgedAt ? null : pendingPurge,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}
