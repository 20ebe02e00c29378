import { describeSsoFailure } from './sso-failure';

describe('describeSsoFailure', () => {
  it('has a sentence of its own for each reason the api sends back', () => {
    for (const reason of ['unknown_user', 'state_mismatch', 'id_token_expired', 'not_configured', 'code_invalid']) {
      expect(describeSsoFailure(reason)).not.toMatch(/^sso\./);
    }
    expect(describeSsoFailure('unknown_user')).toMatch(/no Liaison account/);
  });

  it('falls back to the general sentence for anything else', () => {
    expect(describeSsoFailure('<script>')).toBe(describeSsoFailure('provider_error'));
    expect(describeSsoFailure(null)).toBe(describeSsoFailure('provider_error'));
  });
});
