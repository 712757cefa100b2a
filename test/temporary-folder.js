// Jest's globalSetup for the unit tests: every test process gets one temporary folder of this run
// as its TMPDIR, removed when jest exits.
//
// Why: cdktf's Testing.synth and Testing.app make an outdir in the temporary folder and never
// remove it, and many tests make folders there too. The suite left 845 folders in /tmp per run
// (552 of them cdktf outdirs); on the machine where it ran for weeks, /tmp held 95,000. Now a
// run leaves none (jest keeps its own cache, jest_0), and a killed run leaves one folder.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async function useTemporaryFolderOfThisRun() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-profiles-jest-'));
  process.env.TMPDIR = folder;
  process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
};
