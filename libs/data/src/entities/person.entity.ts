import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { GENDERS, HANDLING_CODES, PERSON_ROLES } from '@liaison/domain';
import { RequestSchema } from './request.entity';
import { identified } from './timestamps';

/**
 * A suspect, victim or witness linked to a request. Identifying fields live only in `identity`, written and read
 * through the requests lib's person-identity store (to be encrypted per person by the data-protection work);
 * the other columns are not identifying and feed statistics.
 */
export const PersonSchema = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: {
    ...identified(),
    request: () => p.manyToOne(RequestSchema).index(),
    role: p.enum(PERSON_ROLES),
    /** Names, aliases, date of birth, document numbers, addresses, contact details, photograph references. */
    identity: p.json<Record<string, unknown>>().lazy(),
    gender: p.enum(GENDERS).default('unknown'),
    /** ISO 3166-1 alpha-2 stated nationality. */
    nationality: p.string().length(2).nullable(),
    /** Under 18; null when unknown (then treated as a child, CoE Convention Art. 10(3)). */
    minor: p.boolean().nullable(),
    handlingCode: p.enum(HANDLING_CODES).default('H0'),
  },
});

export type Person = InferEntity<typeof PersonSchema>;
