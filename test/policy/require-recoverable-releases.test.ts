import { ChartSource, RequireRecoverableReleases } from '../../lib';
import { addonProfile, clusterIn, testApp } from '../helpers';
import { synthWith, violations } from './policy-helpers';

const chart = ChartSource.repository('https://charts.example.com', 'web');

describe('RequireRecoverableReleases', () => {
  it('fails synth for a release that neither rolls back nor cleans up, and for a timeout above the maximum', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart, version: '1.0.0', namespace: 'web', release: { atomic: false, cleanupOnFail: false } });
    addons.addHelmLayer('db', { chart, version: '1.0.0', namespace: 'db', release: { timeoutSeconds: 900 } });
    addons.addHelmLayer('cache', { chart, version: '1.0.0', namespace: 'cache', release: { atomic: false } });
    expect(violations(clusterIn(app, { profiles: [addons] }), new RequireRecoverableReleases())).toBe(
      [
        'POLICY_VIOLATION at addons/db: layer "db" on cluster "prod" breaks require-recoverable-releases: its release timeout is 900 s, above the maximum of 600 s',
        '  fix: set release.timeoutSeconds to at most 600',
        'POLICY_VIOLATION at addons/web: layer "web" on cluster "prod" breaks require-recoverable-releases: its release is neither atomic nor cleaned up on failure, so a failed install stays behind in state "failed"',
        '  fix: set release.atomic or release.cleanupOnFail to true (both are the default)',
      ].join('\n'),
    );
  });

  it('passes the default release options, and a longer timeout when the maximum allows it', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart, version: '1.0.0', namespace: 'web' });
    addons.addHelmLayer('db', { chart, version: '1.0.0', namespace: 'db', release: { timeoutSeconds: 900 } });
    expect(() => synthWith(clusterIn(app, { profiles: [addons] }), new RequireRecoverableReleases({ maxTimeoutSeconds: 900 }))).not.toThrow();
  });
});
