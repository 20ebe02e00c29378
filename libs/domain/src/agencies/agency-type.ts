/** The kinds of body that cooperate through Liaison. */
export const AGENCY_TYPES = [
  'POLICE',
  'PROSECUTION',
  'MINISTRY_OF_JUSTICE',
  'IMMIGRATION',
  'SOCIAL_SERVICES',
  'NGO',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/** Every kind but the NGOs is an authority of its state. */
export function isGovernmentAgency(type: AgencyType): boolean {
  return type !== 'NGO';
}
