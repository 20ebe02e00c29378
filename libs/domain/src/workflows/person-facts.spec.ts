import { missingForSubmission } from './completeness';
import { contentWithPersonFacts, personFacts, type PersonFact } from './person-facts';

const victim = (minor: boolean | null, nationality: string | null = 'NP'): PersonFact => ({
  role: 'victim',
  minor,
  nationality,
});
const suspect: PersonFact = { role: 'suspect', minor: false, nationality: null };

describe('person facts', () => {
  it('say nothing without persons', () => {
    expect(personFacts([])).toEqual({});
  });

  it('count the persons and name a suspect', () => {
    expect(personFacts([suspect, { role: 'witness', minor: null, nationality: 'IN' }])).toEqual({
      personsConcerned: 2,
      personSoughtIdentified: true,
    });
  });

  it('take the victim’s age and nationality, leaving out what is unknown', () => {
    expect(personFacts([victim(true)])).toEqual({
      personsConcerned: 1,
      victimIdentified: true,
      victimIsChild: true,
      victimStatedNationality: 'NP',
    });
    expect(personFacts([victim(null, null)])).toEqual({ personsConcerned: 1, victimIdentified: true });
  });

  it('read the first victim when there are several', () => {
    expect(personFacts([victim(false, 'MM'), victim(true, 'TH')])).toMatchObject({
      victimIsChild: false,
      victimStatedNationality: 'MM',
    });
  });

  it('complete the stated content, which wins and loses nothing but undefined fields', () => {
    const content = contentWithPersonFacts({ purpose: 'Trace the proceeds', personsConcerned: 5, penalty: undefined }, [
      suspect,
    ]);
    expect(content).toEqual({ purpose: 'Trace the proceeds', personsConcerned: 5, personSoughtIdentified: true });
    expect(Object.keys(content)).not.toContain('penalty');
  });

  it('satisfy the persons item of UNTOC 18(15)(e) once a person is linked', () => {
    const missing = (persons: PersonFact[]) =>
      missingForSubmission('mla', contentWithPersonFacts({}, persons)).map((item) => item.id);
    expect(missing([])).toContain('persons_concerned');
    expect(missing([suspect])).not.toContain('persons_concerned');
  });

  it('identify the victim of a repatriation with nationality and age', () => {
    const missing = (persons: PersonFact[]) =>
      missingForSubmission('repatriation', contentWithPersonFacts({}, persons)).map((item) => item.id);
    expect(missing([])).toEqual(expect.arrayContaining(['victim', 'victim_nationality', 'victim_age']));
    expect(missing([victim(true)])).not.toEqual(expect.arrayContaining(['victim']));
    expect(missing([victim(true)])).not.toContain('victim_nationality');
    expect(missing([victim(true)])).not.toContain('victim_age');
  });
});
