/** The part a person plays in a request (DESIGN.md, Personal data). */
export const PERSON_ROLES = ['suspect', 'victim', 'witness'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Recorded for statistics by gender (seed 004: monitoring and evaluation). */
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];
