import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AGENCY_TYPES } from '@liaison/domain';
import { identified } from './timestamps';

export const AgencySchema = defineEntity({
  name: 'Agency',
  tableName: 'agency',
  properties: {
    ...identified(),
    name: p.string().length(200),
    /** ISO 3166-1 alpha-2. */
    country: p.string().length(2),
    type: p.enum(AGENCY_TYPES),
    /** Designated central authority for mutual legal assistance (UNTOC Art. 18(13)). */
    centralAuthority: p.boolean().default(false),
    /** Languages (ISO 639-1) the agency accepts requests in. */
    acceptedLanguages: p.array().defaultRaw("'{en}'"),
  },
  uniques: [{ properties: ['country', 'name'] }],
});

export type Agency = InferEntity<typeof AgencySchema>;
