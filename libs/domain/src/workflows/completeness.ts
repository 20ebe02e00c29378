import type { RequestContent } from './request-content';
import type { RequestKind } from './request-kind';

/** One thing a request must state before it is submitted, in the words of its source. */
export interface CompletenessItem {
  id: string;
  wording: string;
  source: string;
  /** The content fields that satisfy it, for a form to point at. */
  fields: readonly (keyof RequestContent)[];
}

interface CompletenessRule extends CompletenessItem {
  isMet(content: RequestContent, kind: RequestKind): boolean;
}

const hasText = (value: string | undefined): boolean => typeof value === 'string' && value.trim() !== '';

const isServiceOfDocumentsOnly = (content: RequestContent, kind: RequestKind): boolean =>
  kind === 'mla' && content.assistanceTypes?.length === 1 && content.assistanceTypes[0] === 'service_of_documents';

const UNTOC_18_15: readonly CompletenessRule[] = [
  {
    id: 'requesting_authority',
    wording: 'The identity of the authority making the request',
    source: 'UNTOC Art. 18(15)(a)',
    fields: ['requestingAuthority'],
    isMet: (content) => hasText(content.requestingAuthority),
  },
  {
    id: 'proceedings',
    wording:
      'The subject matter and nature of the investigation, prosecution or judicial proceeding to which the request relates and the name and functions of the authority conducting it',
    source: 'UNTOC Art. 18(15)(b)',
    fields: ['subjectMatter', 'proceedingsNature', 'conductingAuthority'],
    isMet: (content) =>
      hasText(content.subjectMatter) && hasText(content.proceedingsNature) && hasText(content.conductingAuthority),
  },
  {
    id: 'summary_of_facts',
    wording:
      'A summary of the relevant facts, except in relation to requests for the purpose of service of judicial documents',
    source: 'UNTOC Art. 18(15)(c)',
    fields: ['summaryOfFacts'],
    isMet: (content, kind) => hasText(content.summaryOfFacts) || isServiceOfDocumentsOnly(content, kind),
  },
  {
    id: 'assistance_sought',
    wording:
      'A description of the assistance sought and details of any particular procedure that the requesting State wishes to be followed',
    source: 'UNTOC Art. 18(15)(d), 18(3)',
    fields: ['assistanceSought', 'assistanceTypes'],
    isMet: (content, kind) =>
      hasText(content.assistanceSought) && (kind !== 'mla' || (content.assistanceTypes?.length ?? 0) > 0),
  },
  {
    id: 'persons_concerned',
    wording: 'Where possible, the identity, location and nationality of any person concerned',
    source: 'UNTOC Art. 18(15)(e)',
    fields: ['personsConcerned', 'personsNotIdentifiedReason'],
    isMet: (content) => (content.personsConcerned ?? 0) > 0 || hasText(content.personsNotIdentifiedReason),
  },
  {
    id: 'purpose',
    wording: 'The purpose for which the evidence, information or action is sought',
    source: 'UNTOC Art. 18(15)(f)',
    fields: ['purpose'],
    isMet: (content) => hasText(content.purpose),
  },
];

const EXTRADITION_ADDITIONS: readonly CompletenessRule[] = [
  {
    id: 'person_sought',
    wording: 'The person sought, with the particulars that identify them',
    source: 'UNTOC Art. 16(1); European Convention on Extradition 1957, Art. 12(2)(c)',
    fields: ['personSoughtIdentified'],
    isMet: (content) => content.personSoughtIdentified === true,
  },
  {
    id: 'warrant_or_judgment',
    wording: 'The arrest warrant or the enforceable judgment on which the request is based',
    source: 'European Convention on Extradition 1957, Art. 12(2)(a)',
    fields: ['warrantOrJudgmentReference'],
    isMet: (content) => hasText(content.warrantOrJudgmentReference),
  },
  {
    id: 'offence_legal_text',
    wording: 'The legal text of the offence, so that dual criminality can be assessed',
    source: 'UNTOC Art. 16(1); European Convention on Extradition 1957, Art. 12(2)(b)',
    fields: ['offenceLegalText'],
    isMet: (content) => hasText(content.offenceLegalText),
  },
  {
    id: 'penalty',
    wording: 'The penalty the offence carries, so that the minimum penalty requirement can be assessed',
    source: 'UNTOC Art. 16(7)',
    fields: ['penalty'],
    isMet: (content) => hasText(content.penalty),
  },
];

const REPATRIATION_ADDITIONS: readonly CompletenessRule[] = [
  {
    id: 'victim',
    wording: 'The victim to be returned, linked as a person of the request',
    source: 'Palermo Protocol Art. 8(1)',
    fields: ['victimIdentified'],
    isMet: (content) => content.victimIdentified === true,
  },
  {
    id: 'victim_nationality',
    wording: "The victim's stated nationality or right of permanent residence",
    source: 'Palermo Protocol Art. 8(1), (3)',
    fields: ['victimStatedNationality'],
    isMet: (content) => hasText(content.victimStatedNationality),
  },
  {
    id: 'victim_age',
    wording: 'Whether the victim is a child (under 18); when the age is uncertain, the victim is presumed a child',
    source: 'Council of Europe Convention on Action against Trafficking in Human Beings, Art. 10(3)',
    fields: ['victimIsChild'],
    isMet: (content) => typeof content.victimIsChild === 'boolean',
  },
  {
    id: 'consent_status',
    wording: "The victim's consent to return: given, pending or refused (return is preferably voluntary)",
    source: 'Palermo Protocol Art. 8(2)',
    fields: ['consentStatus'],
    isMet: (content) => content.consentStatus !== undefined,
  },
  {
    id: 'wish_to_return',
    wording: "The victim's wish to return, as they stated it",
    source: 'Palermo Protocol Art. 8(2)',
    fields: ['victimWishesToReturn'],
    isMet: (content) => typeof content.victimWishesToReturn === 'boolean',
  },
  {
    id: 'pending_proceedings',
    wording: 'Any legal proceedings pending that relate to the fact that the person is a victim of trafficking',
    source: 'Palermo Protocol Art. 8(2)',
    fields: ['pendingProceedings'],
    isMet: (content) =>
      content.pendingProceedings !== undefined &&
      (!content.pendingProceedings.exist || hasText(content.pendingProceedings.details)),
  },
];

const RULES: Readonly<Record<RequestKind, readonly CompletenessRule[]>> = {
  mla: UNTOC_18_15,
  extradition: [...UNTOC_18_15, ...EXTRADITION_ADDITIONS],
  repatriation: [...UNTOC_18_15, ...REPATRIATION_ADDITIONS],
};

const toItem = ({ id, wording, source, fields }: CompletenessRule): CompletenessItem => ({
  id,
  wording,
  source,
  fields,
});

/** Everything a request of this kind must state before submission. */
export function completenessItems(kind: RequestKind): readonly CompletenessItem[] {
  return RULES[kind].map(toItem);
}

/** What the request still lacks, in order, with the legal wording: empty when it may be submitted. */
export function missingForSubmission(kind: RequestKind, content: RequestContent): readonly CompletenessItem[] {
  return RULES[kind].filter((rule) => !rule.isMet(content, kind)).map(toItem);
}
