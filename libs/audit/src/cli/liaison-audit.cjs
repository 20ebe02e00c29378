#!/usr/bin/env node
// `npx liaison-audit verify <export.jsonl> --public-key <file>`: the offline verifier, run from its TypeScript.
require('@swc-node/register');
const { main } = require('./liaison-audit.ts');

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`liaison-audit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
