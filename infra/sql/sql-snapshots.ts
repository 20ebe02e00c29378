import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderSqlExample, type SqlExample } from '@liaison/data';

/*
 * The rendered SQL of every statement builder, called with fixed arguments: each lib or app lists its examples in
 * `src/sql-examples.ts` (`SQL_EXAMPLES`), rendered into its `queries/<name>.sql`. The files are committed, so a
 * review shows how a statement's SQL changed; `npm run sql:snapshots` writes them, a jest test fails when they are
 * stale.
 */

export const ROOT = join(__dirname, '..', '..');
export const SNAPSHOT_COMMAND = 'npm run sql:snapshots';

export interface ProjectExamples {
  /** `libs/requests`, `apps/api`. */
  project: string;
  examples: SqlExample[];
}

/** The examples of every project that has a `src/sql-examples.ts`, in path order. */
export function projectExamples(): ProjectExamples[] {
  return ['apps', 'libs'].flatMap((kind) =>
    readdirSync(join(ROOT, kind))
      .sort()
      .map((name) => `${kind}/${name}`)
      .filter((project) => existsSync(join(ROOT, project, 'src', 'sql-examples.ts')))
      .map((project) => ({ project, examples: examplesOf(project) })),
  );
}

function examplesOf(project: string): SqlExample[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SQL_EXAMPLES } = require(join(ROOT, project, 'src', 'sql-examples.ts')) as { SQL_EXAMPLES: SqlExample[] };
  const names = SQL_EXAMPLES.map((example) => example.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice) throw new Error(`${project}/src/sql-examples.ts names two examples "${twice}"`);
  return SQL_EXAMPLES;
}

/** Every snapshot file as it should be, by path from the repository's root. */
export function expectedSnapshots(projects = projectExamples()): Map<string, string> {
  return new Map(
    projects.flatMap(({ project, examples }) =>
      examples.map((example) => [`${project}/queries/${example.name}.sql`, renderSqlExample(example)] as const),
    ),
  );
}

/** The `.sql` files in the projects' `queries/` folders now, by path from the repository's root. */
export function snapshotFilesOnDisk(): string[] {
  return ['apps', 'libs'].flatMap((kind) =>
    readdirSync(join(ROOT, kind)).flatMap((name) => {
      const folder = join(ROOT, kind, name, 'queries');
      if (!existsSync(folder)) return [];
      return readdirSync(folder)
        .filter((file) => file.endsWith('.sql'))
        .map((file) => relative(ROOT, join(folder, file)));
    }),
  );
}

/** Writes every snapshot and deletes those no example renders any more; answers the paths that changed. */
export function writeSnapshots(): string[] {
  const expected = expectedSnapshots();
  const changed: string[] = [];
  for (const [path, content] of expected) {
    const file = join(ROOT, path);
    if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, content);
    changed.push(path);
  }
  for (const path of snapshotFilesOnDisk()) {
    if (expected.has(path)) continue;
    rmSync(join(ROOT, path));
    changed.push(path);
  }
  return changed;
}
