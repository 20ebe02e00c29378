import { HANDLING_CODES, needsPermissionToShareOnward, parseHandling } from './handling-code';

describe('handling codes', () => {
  it('are H0 to H3', () => {
    expect(HANDLING_CODES).toEqual(['H0', 'H1', 'H2', 'H3']);
  });

  it.each(['H0', 'H1', 'H2'])('accepts %s without free text', (code) => {
    expect(parseHandling(code)).toEqual({ ok: true, handling: { code } });
  });

  it('needs the restriction in free text for H3', () => {
    expect(parseHandling('H3')).toMatchObject({ ok: false, message: expect.stringContaining('H3') });
    expect(parseHandling('H3', '  ')).toMatchObject({ ok: false });
    expect(parseHandling('H3', ' Not to be shared with immigration ')).toEqual({
      ok: true,
      handling: { code: 'H3', restriction: 'Not to be shared with immigration' },
    });
  });

  it.each(['H4', 'h1', '', undefined, 1])('refuses %p', (code) => {
    expect(parseHandling(code)).toMatchObject({ ok: false });
  });

  it('asks the provider before sharing H2 and H3 items onward', () => {
    expect(needsPermissionToShareOnward({ code: 'H0' })).toBe(false);
    expect(needsPermissionToShareOnward({ code: 'H1' })).toBe(false);
    expect(needsPermissionToShareOnward({ code: 'H2' })).toBe(true);
    expect(needsPermissionToShareOnward({ code: 'H3', restriction: 'Police only' })).toBe(true);
  });
});
