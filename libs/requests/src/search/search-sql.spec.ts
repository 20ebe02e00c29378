import { buildSearchSql } from './search-sql';

describe('buildSearchSql', () => {
  const scope = { agencyId: '019ab1c2-0000-7000-8000-00000000000a', userId: '019ab1c2-0000-7000-8000-00000000000b' };
  const page = { sort: 'lastActivityAt' as const, limit: 50 };
  const branches = (sql: string) => sql.split(' union all ').length;

  it('unions outgoing, incoming and task-force branches, each ordered and limited on its own', () => {
    const { sql, params } = buildSearchSql(scope, {}, page);
    expect(branches(sql)).toBe(3);
    expect(sql.match(/order by r\.last_activity_at desc, r\.id desc limit \?/g)).toHaveLength(4);
    expect(sql.split('?').length - 1).toBe(params.length);
    expect(params.filter((param) => param === 51)).toHaveLength(4);
  });

  it('keeps one branch per direction, and keeps drafts from the counterpart branch only', () => {
    const outgoing = buildSearchSql(scope, { direction: 'outgoing' }, page);
    const incoming = buildSearchSql(scope, { direction: 'incoming' }, page);
    expect(branches(outgoing.sql)).toBe(1);
    expect(outgoing.sql).not.toContain('not in');
    expect(incoming.sql).toContain('(r.kind, r.state) not in');
    expect(incoming.params).toEqual(expect.arrayContaining(['mla', 'draft', 'repatriation']));
  });

  it('never puts a value into the SQL text', () => {
    const { sql, params } = buildSearchSql(
      scope,
      { q: "x' or 1=1 --", states: ["a'b"], counterpartCountry: 'TH', taskForceId: scope.userId, overdue: true },
      { ...page, after: { sort: 'lastActivityAt', key: '2026-11-23T13:14:15.123456Z', id: scope.userId } },
    );
    expect(sql).not.toMatch(/or 1=1|a'b|TH|2026-11-23/);
    expect(params).toEqual(expect.arrayContaining(["%x' or 1=1 --%", "a'b", 'TH']));
    expect(sql).toContain('(r.last_activity_at, r.id) < (?::timestamptz, ?::uuid)');
  });

  it('escapes LIKE wildcards in the text searched for', () => {
    const { params } = buildSearchSql(scope, { q: '100%_\\' }, page);
    expect(params).toContain('%100\\%\\_\\\\%');
  });
});
