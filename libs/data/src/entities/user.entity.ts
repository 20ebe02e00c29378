import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Role } from '@liaison/domain';
import { AgencySchema } from './agency.entity';
import { identified } from './timestamps';

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    ...identified(),
    agency: () => p.manyToOne(AgencySchema).index(),
    /** Stored lower-cased; the login name. */
    email: p.string().length(320).unique(),
    displayName: p.string().length(200),
    /** argon2id; null while an invitation waits and after an administrator's reset: no password signs in. */
    passwordHash: p.text().hidden().lazy().nullable(),
    roles: p.array<Role>((value) => value as Role).defaultRaw("'{}'"),
    platformAdmin: p.boolean().default(false),
    active: p.boolean().default(true),
    /**
     * Signs in without a second factor, but only while SECOND_FACTOR_EXEMPTIONS=1 (refused in production). Set by the
     * demo seed and the test factories only; no route sets it.
     */
    secondFactorExempt: p.boolean().default(false),
    /** Preferred language (ISO 639-1) for notices; falls back to English. */
    language: p.string().length(8).default('en'),
  },
});

export type User = InferEntity<typeof UserSchema>;
