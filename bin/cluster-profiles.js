#!/usr/bin/env node
'use strict';
// The `cluster-profiles` command; the code is lib/cli/cli.ts. An installed package has no
// lib/*.ts and runs dist/. In a checkout of the repository it runs dist/ too when dist/ was built
// after the last change to lib/ (`npm run build`, or `npm pack`), and otherwise the TypeScript
// source through tsx (a devDependency): never a stale dist/, and no build needed. The difference
// matters where the command runs often: `cdktf deploy` starts one per gated layer that others
// wait for, and through tsx each start took 0.6-1.4 s instead of about 0.3 s (README, "What
// gates cost").
const fs = require('fs');
const path = require('path');

const source = path.join(__dirname, '..', 'lib', 'cli', 'cli.ts');
const compiled = path.join(__dirname, '..', 'dist', 'lib', 'cli.js');

function loadCli() {
  if (fs.existsSync(source) && !builtAfter(path.dirname(path.dirname(source)), compiled) && canResolve('tsx/cjs/api')) {
    return require('tsx/cjs/api').require(source, __filename);
  }
  return require(compiled);
}

/** Whether `file` exists and is newer than every .ts file under `dir`. */
function builtAfter(dir, file) {
  let built;
  try {
    built = fs.statSync(file).mtimeMs;
  } catch {
    return false;
  }
  const newerSource = (folder) =>
    fs.readdirSync(folder, { withFileTypes: true }).some((entry) => {
      const at = path.join(folder, entry.name);
      if (entry.isDirectory()) return newerSource(at);
      return entry.name.endsWith('.ts') && fs.statSync(at).mtimeMs >= built;
    });
  return !newerSource(dir);
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
