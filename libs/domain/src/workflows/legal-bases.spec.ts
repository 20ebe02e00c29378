import { findLegalBasis, LEGAL_BASES } from './legal-bases';
import { workflowOf } from './workflows';

describe('seeded legal bases', () => {
  it('include UNTOC, the EIO directive, the 1957 Convention, a bilateral treaty and reciprocity', () => {
    expect(LEGAL_BASES.map((basis) => basis.id)).toEqual(
      expect.arrayContaining(['untoc', 'eio', 'ece-1957', 'uk-us-2003', 'reciprocity']),
    );
  });

  it('have unique ids', () => {
    expect(new Set(LEGAL_BASES.map((basis) => basis.id)).size).toBe(LEGAL_BASES.length);
  });

  it.each(LEGAL_BASES.map((basis) => [basis.id, basis] as const))(
    '%s overrides only timers of the kinds it applies to, with a positive figure and a source',
    (_id, basis) => {
      for (const [kind, overrides] of Object.entries(basis.deadlines)) {
        expect(basis.kinds).toContain(kind);
        for (const [timer, override] of Object.entries(overrides ?? {})) {
          expect(Object.keys(workflowOf(kind as 'mla').timers)).toContain(timer);
          expect(Number.isInteger(override.days) && override.days > 0).toBe(true);
          expect(override.source.trim()).not.toBe('');
        }
      }
    },
  );

  it('give the bilateral treaty its 60-day provisional-arrest window', () => {
    expect(findLegalBasis('uk-us-2003')?.deadlines.extradition?.formal_request).toEqual({
      days: 60,
      source: 'UK–US Extradition Treaty 2003, Art. 12(4)',
    });
  });

  it('find nothing for an unknown id', () => {
    expect(findLegalBasis('atlantis')).toBeUndefined();
  });
});
