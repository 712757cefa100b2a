// End-to-end tests: real Terraform, real providers, a real kube-apiserver and PostgreSQL on loopback.
// globalSetup prints one line saying whether the provider mirror is there (real deploys run) or not
// (they are skipped; E2E_REQUIRED=1 makes that an error), see test/e2e/harness/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  testTimeout: 15 * 60 * 1000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/e2e/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/harness/global-teardown.ts',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
};
