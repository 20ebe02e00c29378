import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The repository explains itself: no tracked file points at documents outside it (the design notes its authors kept
 * beside the checkout), at issue numbers or at numbered seeds. The pattern is written so that it does not match its
 * own source.
 */
const OUTSIDE_REFERENCES = new RegExp(
  ['shared/[A-Z]', 'DESIGN\\.md', 'DOMAIN\\.md', 'STACK\\.md', '[Ii]ssue [0-9]', 'seed 0{2}'].join('|'),
);

const root = join(__dirname, '..', '..');

function trackedFiles(): string[] {
  const listing = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return listing.split('\0').filter(Boolean);
}

function referencesIn(file: string): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, file));
  } catch {
    return []; // listed by git but deleted in the working tree
  }
  if (bytes.includes(0)) return []; // binary (images)
  return bytes
    .toString('utf8')
    .split('\n')
    .flatMap((line, index) => (OUTSIDE_REFERENCES.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
}

describe('the repository is self-contained', () => {
  it('has no reference to files outside it, to issue numbers or to seeds', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(referencesIn)).toEqual([]);
  });

  it('would name a reference it finds', () => {
    // assembled here, so that this file does not hold what it looks for
    const sample = (...parts: string[]) => parts.join('');
    const references = [
      sample('see ../shared/', 'DESIGN', '.md'),
      sample('as in issue', ' 6'),
      sample('Issue', ' 7 asked for it'),
      sample('the seed', ' 004 rule'),
      sample('STACK', '.md'),
    ];
    const innocent = ['libs/requests/src/shared/editing-rules.ts', 'the demo seed', 'tokens are issued to users'];
    expect([...references, ...innocent].filter((line) => OUTSIDE_REFERENCES.test(line))).toEqual(references);
  });
});
