/** The part a person plays in a request (docs/personal-data.md). */
export const PERSON_ROLES = ['suspect', 'victim', 'witness'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Recorded for statistics by gender (docs/domain.md, Statistics). */
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];
