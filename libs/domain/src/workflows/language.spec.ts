import { isLanguageCode, languageWarning, normalizeLanguageCode } from './language';

describe('languages', () => {
  it.each(['en', 'fr', 'ron', 'srp'])('accepts the ISO 639 code %s', (code) => {
    expect(isLanguageCode(code)).toBe(true);
  });

  it.each(['EN', 'e', 'english', 'en-GB', '', 3])('refuses %p', (code) => {
    expect(isLanguageCode(code)).toBe(false);
  });

  it('normalizes case and spaces', () => {
    expect(normalizeLanguageCode(' EN ')).toBe('en');
    expect(normalizeLanguageCode('English')).toBeUndefined();
  });

  it('warns when the requested agency does not accept the language', () => {
    expect(languageWarning('en', ['fr', 'de'])).toBe(
      'The requested agency accepts requests in fr, de, not in en: attach a translation',
    );
    expect(languageWarning('EN', ['en'])).toBeUndefined();
  });

  it('does not warn when either side is unknown', () => {
    expect(languageWarning(undefined, ['fr'])).toBeUndefined();
    expect(languageWarning('en', [])).toBeUndefined();
    expect(languageWarning('en', undefined)).toBeUndefined();
  });
});
