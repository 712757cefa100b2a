// Unit and synth tests: fast, no network, no cluster. End-to-end tests live in jest.e2e.config.js.
// examples/user-tests runs with its own jest.config.js, as it would in a user's project.
/** @type {import('jest').Config} */
module.exports = {
  // One temporary folder per run, removed at its end (test/temporary-folder.js says why).
  globalSetup: '<rootDir>/test/temporary-folder.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
      transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
    },
    '<rootDir>/examples/user-tests',
  ],
};
