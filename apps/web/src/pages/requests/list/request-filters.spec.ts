import { readFilters, searchQuery, writeFilters, type RequestFilters } from './request-filters';

const incoming: RequestFilters = { tab: 'incoming', overdue: false };

describe('request list filters', () => {
  it('reads the URL, ignoring unknown tabs and kinds', () => {
    expect(readFilters(new URLSearchParams('tab=elsewhere&kind=spying'))).toEqual({
      ...incoming,
      kind: undefined,
      state: undefined,
      counterpartCountry: undefined,
      legalBasis: undefined,
      q: undefined,
      taskForceId: undefined,
      cursor: undefined,
    });
    expect(readFilters(new URLSearchParams('tab=outgoing&kind=mla&overdue=true&q=bank'))).toMatchObject({
      tab: 'outgoing',
      kind: 'mla',
      overdue: true,
      q: 'bank',
    });
  });

  it('writes only what differs from the defaults, and a changed filter goes back to the first page', () => {
    const current: RequestFilters = { ...incoming, kind: 'extradition', cursor: 'page-2' };
    expect(writeFilters(current, {}).toString()).toBe('kind=extradition');
    expect(writeFilters(current, { overdue: true, tab: 'outgoing' }).toString()).toBe(
      'tab=outgoing&kind=extradition&overdue=true',
    );
    expect(writeFilters(current, { cursor: 'page-3' }).get('cursor')).toBe('page-3');
  });

  it('round-trips through the URL', () => {
    const filters: RequestFilters = {
      tab: 'task_force',
      taskForceId: 'tf-1',
      kind: 'repatriation',
      state: 'received',
      counterpartCountry: 'NP',
      legalBasis: 'palermo-protocol',
      overdue: true,
      q: 'REP-2026',
      cursor: undefined,
    };
    expect(readFilters(writeFilters(filters, {}))).toEqual(filters);
  });

  it('asks the API for a direction or a task force, upper-case countries and no text under 3 characters', () => {
    expect(searchQuery({ ...incoming, counterpartCountry: 'np', q: ' ab ' }, 50)).toEqual({
      direction: 'incoming',
      taskForceId: undefined,
      kind: undefined,
      state: undefined,
      counterpartCountry: 'NP',
      legalBasis: undefined,
      overdue: undefined,
      q: undefined,
      cursor: undefined,
      limit: 50,
    });
    expect(searchQuery({ tab: 'task_force', taskForceId: 'tf-1', overdue: true, q: ' bank ' }, 20)).toMatchObject({
      direction: undefined,
      taskForceId: 'tf-1',
      overdue: true,
      q: 'bank',
    });
  });
});
