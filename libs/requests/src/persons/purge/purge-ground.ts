/**
 * Why an identity is destroyed, in words an oversight body can count without reading anything personal. The free
 * text reason that goes with it is kept only as a hash (it is written by an officer and may name the person).
 */
export const PURGE_GROUNDS = [
  'retention_expired',
  'purpose_fulfilled',
  'consent_withdrawn',
  'unlawful_processing',
  'court_order',
  'other',
] as const;

export type PurgeGround = (typeof PURGE_GROUNDS)[number];
