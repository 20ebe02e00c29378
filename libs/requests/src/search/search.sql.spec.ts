import { buildSearchSql } from './search.sql';

// The SQL text itself is in libs/requests/queries/search-*.sql (npm run sql:snapshots), and runs in
// infra/sql/sql-statements.spec.ts; these check what travels as values.
describe('buildSearchSql', () => {
  const scope = { agencyId: '019ab1c2-0000-7000-8000-00000000000a', userId: '019ab1c2-0000-7000-8000-00000000000b' };
  const page = { sort: 'lastActivityAt' as const, limit: 50 };

  it('limits each of the three branches and the merged page to one row past the page', () => {
    const { values } = buildSearchSql(scope, {}, page);
    expect(values.filter((value) => value === 51)).toHaveLength(4);
  });

  it('keeps the internal states out of the counterpart branch only', () => {
    const outgoing = buildSearchSql(scope, { direction: 'outgoing' }, page);
    const incoming = buildSearchSql(scope, { direction: 'incoming' }, page);
    expect(outgoing.values).not.toContain('draft');
    expect(incoming.values).toEqual(expect.arrayContaining(['mla', 'draft', 'repatriation']));
  });

  it('never puts a value into the SQL text', () => {
    const { text, values } = buildSearchSql(
      scope,
      { q: "x' or 1=1 --", states: ["a'b"], counterpartCountry: 'TH', taskForceId: scope.userId, overdue: true },
      { ...page, after: { sort: 'lastActivityAt', key: '2026-11-23T13:14:15.123456Z', id: scope.userId } },
    );
    for (const value of ['or 1=1', "a'b", 'TH', '2026-11-23', scope.agencyId, scope.userId]) {
      expect(text).not.toContain(value);
    }
    expect(values).toEqual(
      expect.arrayContaining(["%x' or 1=1 --%", "a'b", 'TH', '2026-11-23T13:14:15.123456Z', scope.userId]),
    );
  });

  it('escapes LIKE wildcards in the text searched for', () => {
    const { values } = buildSearchSql(scope, { q: '100%_\\' }, page);
    expect(values).toContain('%100\\%\\_\\\\%');
  });
});
