import { Client } from 'pg';
import { identifier, join, list, literal, raw, sql } from './sql';

const serverUrl = process.env['TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

describe('the sql tag', () => {
  it('keeps values out of the text and numbers the placeholders in order', () => {
    const statement = sql`select * from request r where r.id = ${'a'} and r.version > ${3}`;
    expect(statement.text).toBe('select * from request r where r.id = $1 and r.version > $2');
    expect(statement.values).toEqual(['a', 3]);
  });

  it('splices nested statements in with their values, wherever they stand', () => {
    const condition = sql`r.kind = ${'mla'} and r.state in (${list(['draft', 'submitted'])})`;
    const statement = sql`${raw('select 1')} from request r where ${condition} limit ${10}`;
    expect(statement.text).toBe('select 1 from request r where r.kind = $1 and r.state in ($2, $3) limit $4');
    expect(statement.values).toEqual(['mla', 'draft', 'submitted', 10]);
    expect(sql`${condition}`.text).toBe(condition.text);
  });

  it('joins parts with a separator, and nothing for no parts', () => {
    const parts = [sql`a = ${1}`, sql`b = ${2}`, raw('c')];
    expect(join(parts, ' and ').text).toBe('a = $1 and b = $2 and c');
    expect(join(parts, ' and ').values).toEqual([1, 2]);
    expect(join([]).text).toBe('');
  });

  it('quotes identifiers', () => {
    expect(identifier('liaison "test"').text).toBe('"liaison ""test"""');
  });

  it('inlines each value as a literal', () => {
    const when = new Date('2026-11-23T13:14:15.123Z');
    const statement = sql`select ${"it's"}, ${null}, ${true}, ${1.5}, ${when}, ${{ a: [1] }}::jsonb, ${10n}`;
    expect(statement.inline()).toBe(
      `select 'it''s', null, true, 1.5, '2026-11-23T13:14:15.123Z', '{"a":[1]}'::jsonb, 10`,
    );
  });

  it('refuses values that have no literal', () => {
    expect(() => literal(Number.NaN)).toThrow(TypeError);
    expect(() => literal(Infinity)).toThrow(TypeError);
    expect(() => literal(undefined)).toThrow(TypeError);
    expect(() => literal(new Date('no date'))).toThrow(TypeError);
  });

  describe('on PostgreSQL', () => {
    const client = new Client({ connectionString: serverUrl });
    beforeAll(() => client.connect());
    afterAll(() => client.end());

    const hostile = [
      "x' or 1=1 --",
      "'; drop table request; --",
      "back\\slash \\' quote",
      '$1 ? ?? $$ $tag$',
      'line\nbreak\ttab',
      'ünïcödé 中文 🙂',
      '',
    ];

    it.each(hostile)('gives back the very text inlined: %j', async (value) => {
      const { rows } = await client.query<{ value: string }>(sql`select ${value}::text as value`.inline());
      expect(rows).toEqual([{ value }]);
    });

    it('gives back numbers, booleans, null, times and JSON inlined', async () => {
      const when = new Date('2026-11-23T13:14:15.123Z');
      const json = { quote: "it's", nested: ['\\', null] };
      const statement = sql`select ${42} as n, ${-0.25} as f, ${false} as b, ${null}::text as z,
        ${when}::timestamptz as t, ${json}::jsonb as j`;
      const { rows } = await client.query(statement.inline());
      expect(rows).toEqual([{ n: 42, f: '-0.25', b: false, z: null, t: when, j: json }]);
    });

    it('sends the same statement bound, as pg takes it', async () => {
      const statement = sql`select ${"it's"}::text as value, ${7}::int as n`;
      const { rows } = await client.query(statement.text, [...statement.values]);
      expect(rows).toEqual([{ value: "it's", n: 7 }]);
    });
  });
});
