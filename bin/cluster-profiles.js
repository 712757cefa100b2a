#!/usr/bin/env node
'use strict';
// The `cluster-profiles` command; the code is lib/cli/cli.ts. In a checkout of the
// repository, the TypeScript source is loaded through tsx (a devDependency), so the command needs
// no build and never runs a stale dist/. An installed package has no lib/*.ts and runs dist/.
const fs = require('fs');
const path = require('path');

const source = path.join(__dirname, '..', 'lib', 'cli', 'cli.ts');
const compiled = path.join(__dirname, '..', 'dist', 'lib', 'cli', 'cli.js');

function loadCli() {
  if (fs.existsSync(source) && canResolve('tsx/cjs/api')) return require('tsx/cjs/api').require(source, __filename);
  return require(compiled);
}

function canResolve(id) {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
}

// `drift` answers with a promise of its exit code, `diff` with the code itself.
Promise.resolve(
  loadCli().runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
).then((code) => {
  process.exitCode = code;
});
