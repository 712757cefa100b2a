import * as path from 'path';
import { ChartSource, DirectoryRegistry, PackCatalog, Readiness } from '../../lib';
import { writeArchive } from '../../lib/pack';
import { canonicalYaml } from '../../lib/values/yaml';
import { addonProfile, clusterIn, configMap, profileError, tempDir, testApp } from '../helpers';
import { packFolder } from '../pack/fixtures';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.demo.example.com' },
  spec: { group: 'demo.example.com', names: { kind: 'Widget', plural: 'widgets' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }] },
};
const widget = (name: string) => ({ apiVersion: 'demo.example.com/v1', kind: 'Widget', metadata: { name }, spec: {} });

function planOf(build: (profile: ReturnType<typeof addonProfile>) => void) {
  const app = testApp();
  const profile = addonProfile(app);
  build(profile);
  return clusterIn(app, { profiles: [profile] }).plan();
}

describe('readiness in the install plan', () => {
  it('gives every layer that installs a release Helm\'s wait as its gate, with the release timeout', () => {
    const plan = planOf((p) => p.addManifestLayer('web', { documents: [configMap('web')], release: { timeoutSeconds: 120 } }));
    expect(plan.layers[0].readiness).toEqual([{ kind: 'workloads', timeoutSeconds: 120 }]);
  });

  it('records jobsComplete as Helm\'s wait_for_jobs with its timeout', () => {
    const plan = planOf((p) => p.addManifestLayer('migrate', { documents: [configMap('m')], readiness: [Readiness.jobsComplete({ timeoutSeconds: 900 })] }));
    expect(plan.layers[0].release).toMatchObject({ wait: true, waitForJobs: true, timeoutSeconds: 900 });
    expect(plan.layers[0].readiness).toEqual([{ kind: 'jobsComplete', timeoutSeconds: 900 }]);
  });

  it('gives a layer that does not wait no Helm gate', () => {
    const plan = planOf((p) => p.addManifestLayer('web', { documents: [configMap('web')], release: { wait: false } }));
    expect(plan.layers[0].readiness).toEqual([]);
  });

  it('keeps declared condition, JSONPath and existence gates after Helm\'s wait, in order', () => {
    const plan = planOf((p) =>
      p.addHelmLayer('issuer', {
        chart: ChartSource.repository('https://charts.example.com', 'issuer'),
        version: '1.0.0',
        readiness: [
          Readiness.condition({ apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', name: 'letsencrypt', type: 'Ready' }),
          Readiness.jsonPath({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', path: '.status.readyReplicas', value: '2', timeoutSeconds: 30 }),
          Readiness.exists({ apiVersion: 'v1', kind: 'Secret', name: 'tls', namespace: 'web' }),
        ],
      }),
    );
    expect(plan.layers[0].readiness).toEqual([
      { kind: 'workloads', timeoutSeconds: 300 },
      { kind: 'condition', timeoutSeconds: 300, object: { apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', name: 'letsencrypt' }, type: 'Ready', status: 'True' },
      { kind: 'jsonPath', timeoutSeconds: 30, object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, path: '.status.readyReplicas', value: '2' },
      { kind: 'exists', timeoutSeconds: 300, object: { apiVersion: 'v1', kind: 'Secret', name: 'tls', namespace: 'web' } },
    ]);
  });
});

describe('order from kinds', () => {
  it('installs a custom-resource layer after the layer of equal priority that defines its CRD, with the reason', () => {
    const plan = planOf((p) => {
      p.addManifestLayer('widgets', { documents: [widget('w1')] });
      p.addManifestLayer('crds', { documents: [crd] });
    });
    expect(plan.layers.map((l) => [l.name, l.group, l.dependsOn])).toEqual([
      ['crds', 0, []],
      ['widgets', 1, ['crds']],
    ]);
    expect(plan.edges).toEqual([{ from: 'crds', to: 'widgets', reason: { kind: 'crd', crdKind: 'Widget' } }]);
  });

  it('gives the CRD layer an automatic Established gate for the CRDs other layers use', () => {
    const plan = planOf((p) => {
      p.addManifestLayer('crds', { documents: [crd] });
      p.addManifestLayer('widgets', { documents: [widget('w1')] });
    });
    expect(plan.layers[0].readiness).toEqual([
      { kind: 'workloads', timeoutSeconds: 300 },
      { kind: 'crdsEstablished', timeoutSeconds: 60, names: ['widgets.demo.example.com'], automatic: true },
    ]);
    expect(plan.layers[1].readiness).toEqual([{ kind: 'workloads', timeoutSeconds: 300 }]);
  });

  it('adds no edge and no gate for a layer that holds both the CRD and its objects', () => {
    const plan = planOf((p) => p.addManifestLayer('both', { documents: [crd, widget('w1')] }));
    expect(plan.edges).toEqual([]);
    expect(plan.layers[0].readiness).toEqual([{ kind: 'workloads', timeoutSeconds: 300 }]);
  });

  it('fails with a cycle that names the CRD when dependsOn points the other way', () => {
    const error = profileError(() =>
      planOf((p) => {
        p.addManifestLayer('crds', { documents: [crd], dependsOn: ['widgets'] });
        p.addManifestLayer('widgets', { documents: [widget('w1')] });
      }),
    );
    expect(error.message).toBe(
      [
        'LAYER_CYCLE at stack/prod: layers form a cycle: crds -> widgets -> crds',
        '  crds -> widgets   (crds defines CRD of kind Widget)',
        '  widgets -> crds   (crds.dependsOn)',
        '  fix: remove one of these dependsOn entries, or change the priorities or the order profiles are attached in',
      ].join('\n'),
    );
  });
});

describe('kinds read from charts and packs', () => {
  it('reads a CRD from a local chart\'s crds/ folder and orders a layer of its custom resources after it', () => {
    const plan = planOf((p) => {
      p.addManifestLayer('widgets', { documents: [widget('w9')] });
      p.addHelmLayer('widget-chart', { chart: ChartSource.local(path.join(__dirname, '..', 'e2e', 'charts', 'widget')) });
    });
    expect(plan.edges).toEqual([{ from: 'widget-chart', to: 'widgets', reason: { kind: 'crd', crdKind: 'Widget' } }]);
    expect(plan.layers[0].readiness).toContainEqual({ kind: 'crdsEstablished', timeoutSeconds: 60, names: ['widgets.demo.example.com'], automatic: true });
  });

  it('reads a CRD from a pack\'s chart archive and custom resources from another pack\'s plain manifests', () => {
    const app = testApp();
    const operator = writeArchive(
      new Map([
        ['operator/Chart.yaml', Buffer.from('apiVersion: v2\nname: operator\nversion: 1.0.0\n')],
        ['operator/crds/widgets.yaml', Buffer.from(canonicalYaml(crd))],
        ['operator/templates/deployment.yaml', Buffer.from('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n')],
      ]),
    );
    const registry = new DirectoryRegistry(
      packFolder([
        { name: 'operator', version: '1.0.0', files: { 'charts/operator-1.0.0.tgz': operator, 'pack.json': JSON.stringify({ name: 'operator', displayName: 'operator', version: '1.0.0', layer: 'addon', charts: ['charts/operator-1.0.0.tgz'] }) } },
        { name: 'widgets', version: '1.0.0', manifests: { 'widget.yaml': canonicalYaml(widget('w1')) } },
      ]),
      'local',
    );
    new PackCatalog(app, 'packs', { registries: [registry], lockfile: path.join(tempDir(), 'lock.json') });
    const profile = addonProfile(app);
    profile.addPackLayer('widgets', { pack: 'widgets', version: '1.0.0' });
    profile.addPackLayer('operator', { pack: 'operator', version: '1.0.0' });
    const plan = clusterIn(app, { profiles: [profile] }).plan();
    expect(plan.layers.map((l) => l.name)).toEqual(['operator', 'widgets']);
    expect(plan.edges).toEqual([{ from: 'operator', to: 'widgets', reason: { kind: 'crd', crdKind: 'Widget' } }]);
  });

  it('adds no edge for a remote chart, which is not read at synth', () => {
    const plan = planOf((p) => {
      p.addManifestLayer('widgets', { documents: [widget('w1')] });
      p.addHelmLayer('operator', { chart: ChartSource.repository('https://charts.example.com', 'operator'), version: '1.0.0' });
    });
    expect(plan.edges).toEqual([]);
  });
});

describe('readiness errors at synth', () => {
  it('fails when a manifest layer\'s gate names an object the layer does not create', () => {
    const error = profileError(() =>
      planOf((p) => p.addManifestLayer('widgets', { documents: [widget('w1')], readiness: [Readiness.condition({ apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w2', type: 'Ready' })] })),
    );
    expect(error.code).toBe('READINESS_OBJECT_UNKNOWN');
    expect(error.message).toContain('looks at Widget default/w2 (demo.example.com/v1), which manifest layer "widgets" does not create');
    expect(error.message).toContain('(did you mean "w1"?)');
  });

  it('accepts a gate on a manifest layer\'s own object in its namespace', () => {
    const plan = planOf((p) => p.addManifestLayer('widgets', { namespace: 'demo', documents: [widget('w1')], readiness: [Readiness.condition({ apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w1', namespace: 'demo', type: 'Ready' })] }));
    expect(plan.layers[0].readiness.map((g) => g.kind)).toEqual(['workloads', 'condition']);
  });

  it('fails on a malformed JSONPath where the layer is declared', () => {
    const error = profileError(() =>
      planOf((p) => p.addManifestLayer('web', { documents: [configMap('web')], readiness: [Readiness.jsonPath({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web', path: '.data[key', value: 'x' })] })),
    );
    expect(error.code).toBe('INVALID_READINESS');
  });

  it('fails on a timeout below one second', () => {
    const error = profileError(() => planOf((p) => p.addManifestLayer('web', { documents: [configMap('web')], readiness: [Readiness.exists({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web', timeoutSeconds: 0 })] })));
    expect(error.message).toBe('INVALID_READINESS at addons/web: readiness[0] has timeout 0\n  fix: give timeoutSeconds as a whole number of seconds, at least 1');
  });

  it('fails on a CRD gate of a remote chart that names no CRD', () => {
    const error = profileError(() =>
      planOf((p) => p.addHelmLayer('operator', { chart: ChartSource.repository('https://charts.example.com', 'op'), version: '1.0.0', readiness: [Readiness.crdsEstablished()] })),
    );
    expect(error.code).toBe('READINESS_OBJECT_UNKNOWN');
  });
});
