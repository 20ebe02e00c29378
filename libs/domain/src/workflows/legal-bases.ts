import type { LegalBasis } from './legal-basis';

/** The legal bases seeded with the platform; agencies add their bilateral treaties as further records. */
export const LEGAL_BASES: readonly LegalBasis[] = [
  {
    id: 'untoc',
    name: 'United Nations Convention against Transnational Organized Crime',
    instrument: 'UNTOC (2000), 2225 UNTS 209, Arts. 16 (extradition) and 18 (mutual legal assistance)',
    kinds: ['mla', 'extradition'],
    // UNTOC sets no figures ("as soon as possible", Art. 18(24)): the workflow defaults apply.
    deadlines: {},
  },
  {
    id: 'eio',
    name: 'European Investigation Order',
    instrument: 'Directive 2014/41/EU of 3 April 2014 regarding the European Investigation Order in criminal matters',
    kinds: ['mla'],
    deadlines: {
      mla: {
        acknowledge: { days: 7, source: 'Directive 2014/41/EU Art. 16(1), Annex B' },
        decide: { days: 30, source: 'Directive 2014/41/EU Art. 12(3)' },
        execute: { days: 90, source: 'Directive 2014/41/EU Art. 12(4)' },
      },
    },
  },
  {
    id: 'ece-1957',
    name: 'European Convention on Extradition',
    instrument: 'Council of Europe, ETS No. 24, Paris, 13 December 1957',
    kinds: ['extradition'],
    deadlines: {
      extradition: { formal_request: { days: 40, source: 'European Convention on Extradition 1957, Art. 16(4)' } },
    },
  },
  {
    id: 'eaw',
    name: 'European Arrest Warrant',
    instrument: 'Council Framework Decision 2002/584/JHA of 13 June 2002',
    kinds: ['extradition'],
    deadlines: {
      extradition: {
        decide: { days: 60, source: 'Framework Decision 2002/584/JHA Art. 17(3)' },
        decide_after_consent: { days: 10, source: 'Framework Decision 2002/584/JHA Art. 17(2)' },
        surrender: { days: 10, source: 'Framework Decision 2002/584/JHA Art. 23(2)' },
      },
    },
  },
  {
    id: 'uk-us-2003',
    name: 'Extradition Treaty between the United Kingdom and the United States of America',
    instrument: 'Bilateral treaty signed in Washington, 31 March 2003',
    kinds: ['extradition'],
    deadlines: {
      extradition: { formal_request: { days: 60, source: 'UK–US Extradition Treaty 2003, Art. 12(4)' } },
    },
  },
  {
    id: 'palermo-protocol',
    name: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children',
    instrument: 'Supplementing UNTOC (2000), 2237 UNTS 319, Art. 8 (repatriation of victims)',
    kinds: ['repatriation'],
    // Art. 8(3) asks for verification "without undue or unreasonable delay": no figure, the defaults apply.
    deadlines: {},
  },
  {
    id: 'reciprocity',
    name: 'Reciprocity',
    instrument: 'Assurance of reciprocity between the two states, without a treaty',
    kinds: ['mla', 'extradition', 'repatriation'],
    deadlines: {},
  },
];

export function findLegalBasis(id: string): LegalBasis | undefined {
  return LEGAL_BASES.find((basis) => basis.id === id);
}
