import {
  contentWithPersonFacts,
  type AssistanceType,
  type ConsentStatus,
  type HandlingCode,
  type RequestContent,
  type RequestKind,
  type Urgency,
} from '@liaison/domain';
import type { Person, RequestView } from '../../../api/types';

/** The text fields of a request's content, per kind (the request-content DTO of libs/requests). */
export const UNTOC_TEXT_FIELDS = [
  'requestingAuthority',
  'subjectMatter',
  'proceedingsNature',
  'conductingAuthority',
  'summaryOfFacts',
  'assistanceSought',
  'personsNotIdentifiedReason',
  'purpose',
] as const;
export const EXTRADITION_TEXT_FIELDS = ['warrantOrJudgmentReference', 'offenceLegalText', 'penalty'] as const;
export type TextField = (typeof UNTOC_TEXT_FIELDS)[number] | (typeof EXTRADITION_TEXT_FIELDS)[number];
/** Long texts get a textarea. */
export const LONG_FIELDS: ReadonlySet<TextField> = new Set([
  'subjectMatter',
  'proceedingsNature',
  'summaryOfFacts',
  'assistanceSought',
  'personsNotIdentifiedReason',
  'purpose',
  'offenceLegalText',
]);

export interface DraftValues {
  kind: RequestKind;
  requestedAgencyId: string;
  legalBasis: string;
  urgency: Urgency;
  language: string;
  handlingCode: HandlingCode;
  handlingRestriction: string;
  title: string;
  suggestedDeadline: string;
  texts: Record<TextField, string>;
  assistanceTypes: AssistanceType[];
  consentStatus: ConsentStatus | '';
  victimWishesToReturn: '' | 'yes' | 'no';
  pendingProceedingsExist: '' | 'yes' | 'no';
  pendingProceedingsDetails: string;
}

const emptyTexts = (): Record<TextField, string> =>
  Object.fromEntries([...UNTOC_TEXT_FIELDS, ...EXTRADITION_TEXT_FIELDS].map((field) => [field, ''])) as Record<
    TextField,
    string
  >;

export const DEFAULT_LEGAL_BASIS: Record<RequestKind, string> = {
  mla: 'untoc',
  extradition: 'untoc',
  repatriation: 'palermo-protocol',
};

export function initialDraft(kind: RequestKind = 'mla'): DraftValues {
  return {
    kind,
    requestedAgencyId: '',
    legalBasis: DEFAULT_LEGAL_BASIS[kind],
    urgency: 'normal',
    language: 'en',
    handlingCode: 'H0',
    handlingRestriction: '',
    title: '',
    suggestedDeadline: '',
    texts: emptyTexts(),
    assistanceTypes: [],
    consentStatus: '',
    victimWishesToReturn: '',
    pendingProceedingsExist: '',
    pendingProceedingsDetails: '',
  };
}

const yesNo = (value: boolean | undefined): '' | 'yes' | 'no' => (value === undefined ? '' : value ? 'yes' : 'no');
const fromYesNo = (value: '' | 'yes' | 'no'): boolean | undefined => (value === '' ? undefined : value === 'yes');

export function draftFromRequest(request: RequestView): DraftValues {
  const content = request.content;
  const texts = emptyTexts();
  for (const field of Object.keys(texts) as TextField[]) texts[field] = (content[field] as string | undefined) ?? '';
  return {
    kind: request.kind,
    requestedAgencyId: request.requestedAgency.id,
    legalBasis: request.legalBasis,
    urgency: request.urgency as Urgency,
    language: request.language,
    handlingCode: request.handlingCode as HandlingCode,
    handlingRestriction: request.handlingRestriction ?? '',
    title: request.title,
    suggestedDeadline: request.suggestedDeadline ? request.suggestedDeadline.slice(0, 10) : '',
    texts,
    assistanceTypes: [...(content.assistanceTypes ?? [])],
    consentStatus: content.consentStatus ?? '',
    victimWishesToReturn: yesNo(content.victimWishesToReturn),
    pendingProceedingsExist: yesNo(content.pendingProceedings?.exist),
    pendingProceedingsDetails: content.pendingProceedings?.details ?? '',
  };
}

const textFieldsOf = (kind: RequestKind): readonly TextField[] =>
  kind === 'extradition' ? [...UNTOC_TEXT_FIELDS, ...EXTRADITION_TEXT_FIELDS] : UNTOC_TEXT_FIELDS;

/** The content as the form states it; absent fields are left out (`null` with `forUpdate`, which removes them). */
export function contentOf(values: DraftValues, forUpdate = false): Record<string, unknown> {
  const absent = forUpdate ? null : undefined;
  const content: Record<string, unknown> = {};
  for (const field of textFieldsOf(values.kind)) content[field] = values.texts[field].trim() || absent;
  if (values.kind === 'mla') content.assistanceTypes = values.assistanceTypes.length ? values.assistanceTypes : absent;
  if (values.kind === 'repatriation') {
    content.consentStatus = values.consentStatus || absent;
    content.victimWishesToReturn = fromYesNo(values.victimWishesToReturn) ?? absent;
    const exist = fromYesNo(values.pendingProceedingsExist);
    content.pendingProceedings =
      exist === undefined
        ? absent
        : {
            exist,
            ...(exist &&
              values.pendingProceedingsDetails.trim() && { details: values.pendingProceedingsDetails.trim() }),
          };
  }
  return Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined));
}

/** `POST /v1/requests` */
export function createBody(values: DraftValues): Record<string, unknown> {
  return {
    kind: values.kind,
    ...commonBody(values),
    content: contentOf(values),
  };
}

/** `PATCH /v1/requests/:id` (the kind cannot change). */
export function updateBody(values: DraftValues): Record<string, unknown> {
  return {
    ...commonBody(values),
    suggestedDeadline: values.suggestedDeadline || null,
    content: contentOf(values, true),
  };
}

function commonBody(values: DraftValues): Record<string, unknown> {
  return {
    requestedAgencyId: values.requestedAgencyId,
    legalBasis: values.legalBasis,
    urgency: values.urgency,
    language: values.language.trim().toLowerCase(),
    handlingCode: values.handlingCode,
    ...(values.handlingCode === 'H3' && { handlingRestriction: values.handlingRestriction.trim() }),
    title: values.title.trim(),
    ...(values.suggestedDeadline && { suggestedDeadline: values.suggestedDeadline }),
  };
}

/**
 * What the completeness rules read: the content completed with what the persons say, as the server does it
 * (the same `contentWithPersonFacts` of libs/domain).
 */
export function factsContent(values: DraftValues, persons: readonly Person[]): RequestContent {
  return contentWithPersonFacts(contentOf(values) as RequestContent, persons);
}
