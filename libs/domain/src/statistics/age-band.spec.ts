import { AGE_BANDS, ageBandOf } from './age-band';

describe('age bands', () => {
  it('are under 18, 18 and over, and unknown', () => {
    expect(AGE_BANDS).toEqual(['under 18', '18 and over', 'unknown']);
  });

  it('come from the minor flag alone (no date of birth in clear)', () => {
    expect(ageBandOf(true)).toBe('under 18');
    expect(ageBandOf(false)).toBe('18 and over');
    expect(ageBandOf(null)).toBe('unknown');
    expect(ageBandOf(undefined)).toBe('unknown');
  });
});
