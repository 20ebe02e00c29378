import { withoutIdentities } from './idempotency.interceptor';

describe('answers stored for idempotent replay', () => {
  it('keep no identity of a person, however deep', () => {
    const stored = withoutIdentities({
      id: 'p1',
      role: 'victim',
      identity: { names: ['A Victim'] },
      persons: [{ id: 'p2', identity: { names: ['B Witness'] } }],
    });
    expect(stored).toEqual({ id: 'p1', role: 'victim', identity: null, persons: [{ id: 'p2', identity: null }] });
    expect(JSON.stringify(stored)).not.toMatch(/Victim|Witness/);
  });

  it('leave other answers as they are', () => {
    expect(withoutIdentities({ state: 'transmitted', allowedEvents: ['withdraw'] })).toEqual({
      state: 'transmitted',
      allowedEvents: ['withdraw'],
    });
    expect(withoutIdentities(null)).toBeNull();
  });
});
