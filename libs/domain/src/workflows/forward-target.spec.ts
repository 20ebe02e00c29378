import { forwardRefusal, type Forwarding } from './forward-target';

const allowed: Forwarding = {
  requestingAgencyId: 'in-cbi',
  requestedAgency: { id: 'np-police', country: 'NP' },
  target: { id: 'np-oag', country: 'NP', type: 'PROSECUTION' },
  handling: { code: 'H1' },
};

describe('forwardRefusal', () => {
  it('lets a request go to another government agency of the requested state', () => {
    expect(forwardRefusal(allowed)).toBeNull();
    expect(forwardRefusal({ ...allowed, handling: { code: 'H0' } })).toBeNull();
  });

  it('keeps it from the two parties, other countries and NGOs', () => {
    const to = (target: Partial<Forwarding['target']>) =>
      forwardRefusal({ ...allowed, target: { ...allowed.target, ...target } });
    expect(to({ id: 'in-cbi', country: 'IN', type: 'POLICE' })).toMatch(/not a party/);
    expect(to({ id: 'np-police' })).toMatch(/not a party/);
    expect(to({ country: 'TH' })).toMatch(/requested state \(NP\)/);
    expect(to({ country: 'IN' })).toMatch(/requested state/);
    expect(to({ type: 'NGO' })).toMatch(/not an NGO/);
  });

  it('keeps H2 and H3 requests where they are', () => {
    expect(forwardRefusal({ ...allowed, handling: { code: 'H2' } })).toMatch(/H2 request/);
    expect(forwardRefusal({ ...allowed, handling: { code: 'H3', restriction: 'Not for the press' } })).toMatch(/H3/);
  });
});
