import { resolveReleaseOptions } from '../../lib/layer/release-options';

describe('release options', () => {
  it('makes every release atomic, waiting, with a timeout, by default', () => {
    expect(resolveReleaseOptions()).toEqual({ atomic: true, cleanupOnFail: true, wait: true, waitForJobs: false, timeoutSeconds: 300, maxHistory: 10, upgradeInstall: false });
  });

  it('does not make a release that must not wait atomic, since Helm\'s atomic implies waiting', () => {
    expect(resolveReleaseOptions({ wait: false })).toMatchObject({ wait: false, atomic: false });
    expect(resolveReleaseOptions({ wait: false, atomic: true })).toMatchObject({ wait: false, atomic: true });
  });
});
