import { missingForSubmission } from '@liaison/domain';
import type { Person, RequestView } from '../../../api/types';
import { contentOf, createBody, draftFromRequest, factsContent, initialDraft, updateBody } from './draft-values';

const party = (id: string, country: string) => ({ id, name: `Agency ${id}`, country });

function requestView(overrides: Partial<RequestView> = {}): RequestView {
  return {
    id: 'r-1',
    reference: 'REP-2026-000001',
    kind: 'repatriation',
    state: 'draft',
    version: 1,
    requestingAgency: party('a-th', 'TH'),
    requestedAgency: party('a-mm', 'MM'),
    legalBasis: 'palermo-protocol',
    urgency: 'urgent',
    language: 'en',
    handlingCode: 'H3',
    handlingRestriction: 'Liaison officers only',
    title: 'Return of a victim',
    content: {
      summaryOfFacts: 'Found at a fishing port.',
      consentStatus: 'given',
      victimWishesToReturn: true,
      pendingProceedings: { exist: true, details: 'Witness in a trial' },
    },
    suggestedDeadline: '2026-06-30T00:00:00.000Z',
    overdue: false,
    personalDataPurged: false,
    timers: [],
    relation: 'requesting',
    allowedEvents: ['submit'],
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    lastActivityAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

function person(role: Person['role'], minor: boolean | null, nationality: string | null): Person {
  return {
    id: `p-${role}`,
    requestId: 'r-1',
    role,
    gender: 'female',
    nationality,
    minor,
    handlingCode: 'H2',
    identityDisclosure: 'omitted',
    identity: null,
    purged: false,
    purgedAt: null,
    pendingPurge: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
  };
}

describe('draft values', () => {
  it('start a draft with the kind’s default legal basis and nothing stated', () => {
    const draft = initialDraft('repatriation');
    expect(draft).toMatchObject({ kind: 'repatriation', legalBasis: 'palermo-protocol', handlingCode: 'H0' });
    expect(contentOf(draft)).toEqual({});
    expect(contentOf(initialDraft('mla'), true)).toMatchObject({ purpose: null, assistanceTypes: null });
  });

  it('read a saved request back into the form', () => {
    const draft = draftFromRequest(requestView());
    expect(draft).toMatchObject({
      kind: 'repatriation',
      requestedAgencyId: 'a-mm',
      urgency: 'urgent',
      handlingCode: 'H3',
      handlingRestriction: 'Liaison officers only',
      suggestedDeadline: '2026-06-30',
      consentStatus: 'given',
      victimWishesToReturn: 'yes',
      pendingProceedingsExist: 'yes',
      pendingProceedingsDetails: 'Witness in a trial',
    });
    expect(draft.texts.summaryOfFacts).toBe('Found at a fishing port.');
    expect(draft.texts.purpose).toBe('');
  });

  it('send back what was read, trimmed, with the restriction only under H3', () => {
    const draft = draftFromRequest(requestView());
    expect(createBody({ ...draft, title: '  Return of a victim  ' })).toEqual({
      kind: 'repatriation',
      requestedAgencyId: 'a-mm',
      legalBasis: 'palermo-protocol',
      urgency: 'urgent',
      language: 'en',
      handlingCode: 'H3',
      handlingRestriction: 'Liaison officers only',
      title: 'Return of a victim',
      suggestedDeadline: '2026-06-30',
      content: {
        summaryOfFacts: 'Found at a fishing port.',
        consentStatus: 'given',
        victimWishesToReturn: true,
        pendingProceedings: { exist: true, details: 'Witness in a trial' },
      },
    });
    expect(createBody({ ...draft, handlingCode: 'H1' })).not.toHaveProperty('handlingRestriction');
  });

  it('remove cleared fields in an update (null), and a cleared deadline', () => {
    const draft = draftFromRequest(requestView());
    const body = updateBody({
      ...draft,
      suggestedDeadline: '',
      texts: { ...draft.texts, summaryOfFacts: '   ' },
      pendingProceedingsExist: 'no',
    });
    expect(body).not.toHaveProperty('kind');
    expect(body.suggestedDeadline).toBeNull();
    expect(body.content).toMatchObject({ summaryOfFacts: null, pendingProceedings: { exist: false } });
  });

  it('complete the content with what the persons say, as the server does', () => {
    const draft = draftFromRequest(requestView());
    const facts = factsContent(draft, [person('victim', true, 'MM'), person('witness', null, 'TH')]);
    expect(facts).toMatchObject({
      personsConcerned: 2,
      victimIdentified: true,
      victimIsChild: true,
      victimStatedNationality: 'MM',
      consentStatus: 'given',
    });
    expect(facts).not.toHaveProperty('personSoughtIdentified');
    const missing = (persons: Person[]) =>
      missingForSubmission('repatriation', factsContent(draft, persons)).map((item) => item.id);
    expect(missing([])).toContain('victim');
    expect(missing([person('victim', true, 'MM')])).not.toContain('victim');
  });
});
