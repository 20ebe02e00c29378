import { completenessItems, missingForSubmission } from './completeness';
import { COMPLETE_CONTENT } from './testing/workflow-fixtures';

describe('completeness before submission', () => {
  it('requires UNTOC Art. 18(15)(a)-(f) of every kind, in order', () => {
    for (const kind of ['mla', 'extradition', 'repatriation'] as const) {
      expect(
        completenessItems(kind)
          .slice(0, 6)
          .map((item) => item.source),
      ).toEqual([
        'UNTOC Art. 18(15)(a)',
        'UNTOC Art. 18(15)(b)',
        'UNTOC Art. 18(15)(c)',
        'UNTOC Art. 18(15)(d), 18(3)',
        'UNTOC Art. 18(15)(e)',
        'UNTOC Art. 18(15)(f)',
      ]);
    }
  });

  it('lists everything an empty request lacks, with its legal wording', () => {
    const missing = missingForSubmission('mla', {});
    expect(missing.map((item) => item.id)).toEqual([
      'requesting_authority',
      'proceedings',
      'summary_of_facts',
      'assistance_sought',
      'persons_concerned',
      'purpose',
    ]);
    expect(missing[0]).toEqual({
      id: 'requesting_authority',
      wording: 'The identity of the authority making the request',
      source: 'UNTOC Art. 18(15)(a)',
      fields: ['requestingAuthority'],
    });
  });

  it('adds the person sought, the warrant, the legal text and the penalty for extradition', () => {
    expect(missingForSubmission('extradition', COMPLETE_CONTENT.mla).map((item) => item.id)).toEqual([
      'person_sought',
      'warrant_or_judgment',
      'offence_legal_text',
      'penalty',
    ]);
  });

  it('adds the victim, nationality, age, consent, wish to return and pending proceedings for repatriation', () => {
    expect(missingForSubmission('repatriation', COMPLETE_CONTENT.mla).map((item) => item.id)).toEqual([
      'victim',
      'victim_nationality',
      'victim_age',
      'consent_status',
      'wish_to_return',
      'pending_proceedings',
    ]);
  });

  it.each(['mla', 'extradition', 'repatriation'] as const)('finds nothing missing in a complete %s request', (kind) => {
    expect(missingForSubmission(kind, COMPLETE_CONTENT[kind])).toEqual([]);
  });

  it('does not need a summary of facts for service of judicial documents only (18(15)(c))', () => {
    const content = { ...COMPLETE_CONTENT.mla, summaryOfFacts: undefined };
    expect(missingForSubmission('mla', { ...content, assistanceTypes: ['service_of_documents'] })).toEqual([]);
    expect(
      missingForSubmission('mla', { ...content, assistanceTypes: ['service_of_documents', 'taking_evidence'] }).map(
        (item) => item.id,
      ),
    ).toEqual(['summary_of_facts']);
  });

  it('needs the assistance types of Art. 18(3) for MLA', () => {
    expect(
      missingForSubmission('mla', { ...COMPLETE_CONTENT.mla, assistanceTypes: [] }).map((item) => item.id),
    ).toEqual(['assistance_sought']);
  });

  it('accepts a reason instead of persons concerned ("where possible")', () => {
    const content = { ...COMPLETE_CONTENT.mla, personsConcerned: 0 };
    expect(missingForSubmission('mla', content).map((item) => item.id)).toEqual(['persons_concerned']);
    expect(
      missingForSubmission('mla', { ...content, personsNotIdentifiedReason: 'Suspects not yet identified' }),
    ).toEqual([]);
  });

  it('needs the details of pending proceedings when there are some', () => {
    const content = { ...COMPLETE_CONTENT.repatriation, pendingProceedings: { exist: true } };
    expect(missingForSubmission('repatriation', content).map((item) => item.id)).toEqual(['pending_proceedings']);
    const detailed = {
      ...content,
      pendingProceedings: { exist: true, details: 'Trial of the recruiters, Court of A' },
    };
    expect(missingForSubmission('repatriation', detailed)).toEqual([]);
  });

  it('counts a recorded wish not to return as recorded', () => {
    expect(
      missingForSubmission('repatriation', { ...COMPLETE_CONTENT.repatriation, victimWishesToReturn: false }),
    ).toEqual([]);
  });
});
