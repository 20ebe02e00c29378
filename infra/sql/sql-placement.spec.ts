import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Hand-written SQL lives in `*.sql.ts` files (and migrations), built with libs/data's `sql` tag: so every statement
 * of production code has its rendered snapshot and runs in the real-database test. Tests and libs/testing may keep
 * SQL they use to arrange or inspect a database.
 */
const ROOT = join(__dirname, '..', '..');

const STATEMENTS = [
  /\bselect\s[^;]{0,400}?\sfrom\s+[a-z_"(]/i,
  /\binsert\s+into\s/i,
  /\bupdate\s+["a-z_]+\s+set\s/i,
  /\bdelete\s+from\s/i,
  /\b(create|drop)\s+database\s/i,
  /\balter\s+(role|table|database)\s/i,
];

const EXEMPT = [
  /\.sql\.ts$/,
  /\.(spec|medium-spec|e2e-spec|test)\.tsx?$/,
  /^libs\/data\/src\/migrations\//,
  /^libs\/testing\//,
];

function trackedSources(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', 'apps', 'libs', 'infra'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return listed
    .split('\n')
    .filter((path) => /\.(ts|tsx|js|cjs|mjs)$/.test(path))
    .filter((path) => !EXEMPT.some((pattern) => pattern.test(path)));
}

describe('SQL in production source', () => {
  const sources = trackedSources();

  it('finds the sources to check', () => {
    expect(sources).toEqual(expect.arrayContaining(['libs/workflow/src/workflow.service.ts', 'apps/api/src/main.ts']));
  });

  it('is written only in *.sql.ts files (and migrations)', () => {
    const offenders = sources.filter((path) => {
      const text = readFileSync(join(ROOT, path), 'utf8');
      return STATEMENTS.some((statement) => statement.test(text));
    });
    expect(offenders).toEqual([]);
  });

  it('would be caught where it does not belong', () => {
    const caught = (text: string) => STATEMENTS.some((statement) => statement.test(text));
    expect(caught('`select id, name from agency where id = ?`')).toBe(true);
    expect(caught("'INSERT INTO outbox_message (id) values ($1)'")).toBe(true);
    expect(caught('`update request set version = 2`')).toBe(true);
    expect(caught('`delete from app_user`')).toBe(true);
    expect(caught('Select an agency, then a user.')).toBe(false);
  });
});
