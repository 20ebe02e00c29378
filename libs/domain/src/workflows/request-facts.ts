import type { LegalBasis } from './legal-basis';
import type { RequestContent } from './request-content';

/** Urgent MLA may be sent by fast means and confirmed in writing (UNTOC Art. 18(14)). */
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** What the rules read about a request besides its position in the workflow. */
export interface RequestFacts {
  urgency: Urgency;
  /** Sets the deadlines; without one, the workflow defaults apply. */
  legalBasis?: LegalBasis;
  /** The date the requesting side needs the assistance by (UNTOC Art. 18(24)): no clock runs past it. */
  suggestedDeadline?: Date;
  taskForceLinked?: boolean;
  /** Languages the requested agency accepts requests in (ISO 639 codes). */
  requestedAgencyLanguages?: readonly string[];
  content: RequestContent;
}

/** A victim whose age is unknown is presumed a child (CoE Convention on Action against Trafficking, Art. 10(3)). */
export function victimIsChild(facts: RequestFacts): boolean {
  return facts.content.victimIsChild !== false;
}
