import * as fs from 'fs';
import { ChartSource, HelmLayer } from '../../lib';
import { addonProfile, clusterIn, configMap, profileError, testApp } from '../helpers';

const MISSING = 'CHART_NOT_FOUND at addons/web: local chart "charts/missing" has no Chart.yaml and is not a .tgz archive\n  fix: point ChartSource.local() at a chart directory holding Chart.yaml, or at a packaged .tgz chart';

describe('a Helm layer with a local chart', () => {
  afterEach(() => jest.restoreAllMocks());

  it('constructs with a chart path that does not exist, and reads no file while constructing', () => {
    const names = ['existsSync', 'statSync', 'lstatSync', 'readFileSync', 'readdirSync', 'realpathSync', 'accessSync', 'openSync'] as const;
    const reads = names.map((name) => ({ name, spy: jest.spyOn(fs, name) }));
    const layer = new HelmLayer(addonProfile(testApp()), 'web', { chart: ChartSource.local('charts/missing') });
    expect(layer.layerName).toBe('web');
    expect(reads.filter(({ spy }) => spy.mock.calls.length > 0).map(({ name }) => name)).toEqual([]);
  });

  it('fails at synth on a chart path that holds no chart, with the same code and message, together with the synth\'s other diagnostics', () => {
    const app = testApp();
    const profile = addonProfile(app);
    profile.addHelmLayer('web', { chart: ChartSource.local('charts/missing') });
    profile.addManifestLayer('settings', { documents: [configMap('settings')], dependsOn: ['db'] });
    clusterIn(app, { profiles: [profile] });
    const error = profileError(() => app.synth());
    expect(error.diagnostics.map((d) => `${d.code} at ${d.path}`)).toEqual(['UNKNOWN_DEPENDENCY at addons/settings', 'CHART_NOT_FOUND at addons/web']);
    expect(error.message.split('\n').slice(-2).join('\n')).toBe(MISSING);
  });
});

describe('a Helm layer with a local chart, planned outside a synth', () => {
  it('makes cluster.plan() report the missing chart as a synth would, with the plan\'s other diagnostics, each once', () => {
    const app = testApp();
    const profile = addonProfile(app);
    profile.addHelmLayer('web', { chart: ChartSource.local('charts/missing') });
    profile.addManifestLayer('settings', { documents: [configMap('settings')], dependsOn: ['db'] });
    const cluster = clusterIn(app, { profiles: [profile] });
    const result = cluster.tryPlan();
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.code} at ${d.path}`)).toEqual(['CHART_NOT_FOUND at addons/web', 'UNKNOWN_DEPENDENCY at addons/settings']);
    expect(profileError(() => cluster.plan()).message.split('\n').slice(-2).join('\n')).toBe(MISSING);
  });

  it('plans a cluster whose local chart exists', () => {
    const app = testApp();
    const profile = addonProfile(app);
    profile.addHelmLayer('web', { chart: ChartSource.local('examples/charts/demo-web') });
    const cluster = clusterIn(app, { profiles: [profile] });
    expect(cluster.plan().layers.map((l) => l.name)).toEqual(['web']);
  });
});
