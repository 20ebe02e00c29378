/**
 * Age bands of victims for statistics. There is no date of birth in clear (identities are encrypted), only the
 * `minor` flag: under 18, 18 and over, or not known.
 */
export const AGE_BANDS = ['under 18', '18 and over', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandOf(minor: boolean | null | undefined): AgeBand {
  if (minor === true) return 'under 18';
  if (minor === false) return '18 and over';
  return 'unknown';
}
