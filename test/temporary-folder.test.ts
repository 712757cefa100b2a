import * as os from 'os';
import * as path from 'path';

// test/temporary-folder.js (jest's globalSetup) gives every test process the run's own
// temporary folder, which it removes at the end; a test that writes to os.tmpdir() leaks nothing.
test('tests write their temporary files into the run\'s own folder', () => {
  expect(path.basename(os.tmpdir())).toMatch(/^cluster-profiles-jest-/);
});
