import type { AssistanceType } from './assistance-type';

/** Where the victim stands on consent to return (Palermo Protocol Art. 8(2): return preferably voluntary). */
export const CONSENT_STATUSES = ['given', 'pending', 'refused'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/**
 * What a request says, as far as the rules need to know: texts and references, never the personal data itself
 * (persons are their own encrypted records; here only whether they are linked and identified).
 */
export interface RequestContent {
  /** (a) The authority making the request. */
  requestingAuthority?: string;
  /** (b) Subject matter and nature of the proceedings, and the authority conducting them. */
  subjectMatter?: string;
  proceedingsNature?: string;
  conductingAuthority?: string;
  /** (c) Summary of the relevant facts. */
  summaryOfFacts?: string;
  /** (d) The assistance sought and any procedure to follow. */
  assistanceSought?: string;
  assistanceTypes?: readonly AssistanceType[];
  /** (e) Persons concerned linked to the request, or why none can be identified yet. */
  personsConcerned?: number;
  personsNotIdentifiedReason?: string;
  /** (f) The purpose of the request. */
  purpose?: string;
  /** Language of the request (ISO 639 code). */
  language?: string;

  // Extradition (UNTOC Art. 16(1), (7); ECE 1957 Art. 12(2))
  personSoughtIdentified?: boolean;
  warrantOrJudgmentReference?: string;
  offenceLegalText?: string;
  penalty?: string;

  // Repatriation (Palermo Protocol Art. 8)
  victimIdentified?: boolean;
  victimStatedNationality?: string;
  /** Under 18. Unknown counts as a child: when the age is uncertain a victim is presumed a child (CoE Art. 10(3)). */
  victimIsChild?: boolean;
  consentStatus?: ConsentStatus;
  victimWishesToReturn?: boolean;
  pendingProceedings?: { exist: boolean; details?: string };
}
