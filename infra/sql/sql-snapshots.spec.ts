import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedSnapshots, ROOT, SNAPSHOT_COMMAND, snapshotFilesOnDisk } from './sql-snapshots';

/** What is wrong, naming the files and the command that fixes it; empty when nothing is. */
const problem = (what: string, paths: string[]) =>
  paths.length === 0 ? '' : `${what}: ${paths.join(', ')}; run \`${SNAPSHOT_COMMAND}\` and commit the result`;

describe('the committed SQL snapshots (<project>/queries/*.sql)', () => {
  const expected = expectedSnapshots();

  it('renders some statements of every lib that runs SQL', () => {
    const projects = new Set([...expected.keys()].map((path) => path.split('/queries/')[0]));
    expect([...projects].sort()).toEqual(
      expect.arrayContaining([
        'libs/agencies',
        'libs/audit',
        'libs/data',
        'libs/notifications',
        'libs/requests',
        'libs/workflow',
      ]),
    );
  });

  it('match what the statement builders render now', () => {
    const stale = [...expected]
      .filter(([path, content]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), 'utf8') !== content)
      .map(([path]) => path);
    expect(problem('stale SQL snapshots', stale)).toBe('');
  });

  it('has no file that no example renders any more', () => {
    const orphans = snapshotFilesOnDisk().filter((path) => !expected.has(path));
    expect(problem('SQL snapshots of no example', orphans)).toBe('');
  });
});
