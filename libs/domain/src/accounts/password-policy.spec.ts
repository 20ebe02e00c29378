import { passwordRefusal, PASSWORD_MIN_LENGTH } from './password-policy';

const owner = { email: 'Asha.Rao@in-cbi.example', displayName: 'Asha Rao' };
const common = new Set(['qwertyuiopasdf']);
const refusal = (password: string) => passwordRefusal(password, owner, (lower) => common.has(lower));

describe('passwordRefusal', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(refusal('river stones under the bridge')).toBeNull();
    expect(refusal('alllowercaseletters')).toBeNull();
  });

  it('counts code points, not UTF-16 units', () => {
    expect(refusal('🌧'.repeat(PASSWORD_MIN_LENGTH - 1))).toBe('too_short');
    expect(refusal('🌧'.repeat(PASSWORD_MIN_LENGTH))).toBeNull();
  });

  it('refuses what is shorter than 12 characters or longer than 256', () => {
    expect(refusal('elevenchars')).toBe('too_short');
    expect(refusal('x'.repeat(257))).toBe('too_long');
  });

  it('refuses a common password whatever its case', () => {
    expect(refusal('QwertyuiopASDF')).toBe('common');
  });

  it("refuses the user's e-mail address, its local part, and the name or a word of it", () => {
    expect(refusal('asha.rao@in-cbi.example!')).toBe('contains_email');
    expect(refusal('my ASHA.RAO password')).toBe('contains_email');
    expect(refusal('AshaRao rules the world')).toBe('contains_name');
    expect(refusal('the raos of summer')).toBe('contains_name');
  });

  it('ignores parts too short to mean anything', () => {
    const short = { email: 'ab@x.example', displayName: 'Li' };
    expect(passwordRefusal('ablilili long enough', short, () => false)).toBeNull();
  });
});
