/**
 * `cdktf-cluster-profiles/testing`: helpers and matchers for users' own tests of their profiles
 * and clusters. Importing this module also brings the matchers' types onto `jest.Matchers`.
 */
export * from './synth-cluster';
export * from './values-subset';
export * from './matchers';
export * from './jest';
