import type { RequestKind } from './request-kind';

/** A legal basis's own figure for one deadline, with the provision it comes from. */
export interface DeadlineOverride {
  days: number;
  source: string;
}

/**
 * What a request relies on: a treaty, a regional instrument, or reciprocity. Deadlines are defaults per legal
 * basis (docs/domain.md, Deadlines), so a basis may replace any default of the workflows it applies to, by timer name.
 */
export interface LegalBasis {
  id: string;
  name: string;
  instrument: string;
  kinds: readonly RequestKind[];
  deadlines: { readonly [K in RequestKind]?: Readonly<Record<string, DeadlineOverride>> };
}

export function deadlineOverride(
  legalBasis: LegalBasis | undefined,
  kind: RequestKind,
  timer: string,
): DeadlineOverride | undefined {
  return legalBasis?.deadlines[kind]?.[timer];
}
