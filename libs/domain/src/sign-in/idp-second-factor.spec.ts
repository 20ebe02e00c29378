import { idpSatisfiesSecondFactor, type IdpSecondFactorPolicy } from './idp-second-factor';

const NONE: IdpSecondFactorPolicy = { acceptedAmr: [], acceptedAcr: [] };
const MFA: IdpSecondFactorPolicy = { acceptedAmr: ['mfa', 'otp', 'hwk'], acceptedAcr: [] };

describe('the identity provider as the second factor', () => {
  it('never counts when the agency accepts nothing, whatever the IdP says', () => {
    expect(idpSatisfiesSecondFactor(NONE, { amr: ['pwd', 'otp', 'mfa'], acr: 'phr' })).toBe(false);
  });

  it('counts when one of the amr values is one the agency accepts', () => {
    expect(idpSatisfiesSecondFactor(MFA, { amr: ['pwd', 'otp'] })).toBe(true);
    expect(idpSatisfiesSecondFactor(MFA, { amr: ['hwk'] })).toBe(true);
  });

  it('does not count a password alone, nor values the agency did not name', () => {
    expect(idpSatisfiesSecondFactor(MFA, { amr: ['pwd'] })).toBe(false);
    expect(idpSatisfiesSecondFactor(MFA, { amr: ['sms', 'pwd'] })).toBe(false);
    expect(idpSatisfiesSecondFactor(MFA, {})).toBe(false);
  });

  it('never lets a single-factor amr count, even when the agency listed it', () => {
    const careless: IdpSecondFactorPolicy = { acceptedAmr: ['pwd', 'pin', 'kba'], acceptedAcr: [] };
    expect(idpSatisfiesSecondFactor(careless, { amr: ['pwd', 'pin', 'kba'] })).toBe(false);
  });

  it('counts an acr the agency named, and only that one', () => {
    const byLevel: IdpSecondFactorPolicy = { acceptedAmr: [], acceptedAcr: ['urn:idp:loa:mfa'] };
    expect(idpSatisfiesSecondFactor(byLevel, { acr: 'urn:idp:loa:mfa' })).toBe(true);
    expect(idpSatisfiesSecondFactor(byLevel, { acr: 'urn:idp:loa:pwd', amr: ['mfa'] })).toBe(false);
  });

  it('ignores claims of the wrong shape', () => {
    expect(idpSatisfiesSecondFactor(MFA, { amr: 'mfa' })).toBe(false);
    expect(idpSatisfiesSecondFactor(MFA, { amr: [7, null, { mfa: true }] })).toBe(false);
    expect(idpSatisfiesSecondFactor({ acceptedAmr: [], acceptedAcr: ['1'] }, { acr: 1 })).toBe(false);
  });
});
