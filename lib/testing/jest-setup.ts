/**
 * Registers the cluster matchers with jest. Import it from a jest setup file
 * (`setupFilesAfterEnv` in jest.config.js) or at the top of a test file:
 *
 * ```ts
 * import 'cdktf-cluster-profiles/testing/jest-setup';
 * ```
 */
import { setupJest } from './jest';

setupJest();
