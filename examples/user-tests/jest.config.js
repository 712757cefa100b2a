// A TypeScript project's jest setup for testing cluster profiles: swc compiles the tests (it
// reads TypeScript 5.x syntax and needs no type-check step; ts-jest would work as well, but it
// refuses TypeScript 7), and the setup file registers the cluster matchers.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  // Only inside this repository, where the library is the source two folders up: a project of
  // your own has cdktf-cluster-profiles in node_modules and drops this line.
  moduleNameMapper: { '^cdktf-cluster-profiles(/.*)?$': '<rootDir>/../../lib$1' },
};
