// The verifier's worker thread run from its TypeScript (start-worker.ts starts it so when it runs from sources, as
// liaison-audit.cjs does). @swc-node/register would first load the TypeScript compiler, about a second per thread:
// swc's transform alone compiles these few files.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
// swc's compiler as the TypeScript runner has it (its dependency, wherever the install put it)
const { transformSync } = require(
  require.resolve('@swc-node/core', { paths: [require.resolve('@swc-node/register')] }),
);

if (!Module._extensions['.ts']) {
  Module._extensions['.ts'] = (module, filename) => {
    const source = readFileSync(filename, 'utf8');
    module._compile(transformSync(source, filename, { module: 'commonjs', target: 'es2022' }).code, filename);
  };
}
require('./verify-worker.ts');
