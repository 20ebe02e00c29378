#!/usr/bin/env node
// `npm start`'s first step, on whatever Node the machine has: installs the dependencies from the lock file
// when they are missing or older than it (the project's own Node 24 comes with them, as a devDependency).
const { execSync } = require('node:child_process');
const { existsSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');

const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  console.log('liaison: installing dependencies from package-lock.json (first start only)...');
  execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  if (existsSync(installed)) utimesSync(installed, new Date(), new Date()); // npm leaves it alone when nothing changed
}
