import { compareObject, quantity } from '../../lib/drift/compare-object';

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' }, creationTimestamp: null },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'web', image: 'web:1', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 443 }], resources: { limits: { cpu: 0.5, memory: '1Gi' } } },
          { name: 'sidecar', image: 'sidecar:1', args: ['--a', '--b'] },
        ],
      },
    },
  },
});

/** The object as an API server returns it: defaults, status, metadata the server owns. */
const live = () => {
  const d = deployment() as any;
  return {
    ...d,
    metadata: { ...d.metadata, uid: 'u1', resourceVersion: '42', generation: 3, creationTimestamp: '2026-01-01T00:00:00Z', annotations: { 'deployment.kubernetes.io/revision': '1' }, managedFields: [{ manager: 'helm' }] },
    spec: {
      ...d.spec,
      strategy: { type: 'RollingUpdate' },
      revisionHistoryLimit: 10,
      template: {
        ...d.spec.template,
        spec: {
          ...d.spec.template.spec,
          restartPolicy: 'Always',
          containers: [
            // The server keeps list order, but a set-like list may come back in another one.
            { ...d.spec.template.spec.containers[1], imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' },
            { ...d.spec.template.spec.containers[0], env: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }], ports: [{ containerPort: 443, protocol: 'TCP' }, { containerPort: 80, protocol: 'TCP' }], resources: { limits: { cpu: '500m', memory: '1Gi' } } },
          ],
        },
      },
    },
    status: { replicas: 2, readyReplicas: 2 },
  };
};

describe('compareObject', () => {
  it('finds no drift in server defaults, server-set metadata, status and controller annotations', () => {
    expect(compareObject(deployment(), live())).toEqual({ fields: [], ignored: [] });
  });

  it('matches containers, env and ports by their merge keys, so their order is no drift', () => {
    const changed = live();
    changed.spec.template.spec.containers[1].env[1].value = 'changed';
    expect(compareObject(deployment(), changed).fields).toEqual([
      { field: '/spec/template/spec/containers/0/env/0/value', expected: '1', live: 'changed', path: 'spec.template.spec.containers[name=web].env[name=A].value' },
    ]);
  });

  it('reports a changed scalar, an item gone from a keyed list and a reordered positional list', () => {
    const changed = live();
    changed.spec.replicas = 5;
    changed.spec.template.spec.containers[1].env = [{ name: 'A', value: '1' }];
    changed.spec.template.spec.containers[0].args = ['--b', '--a'];
    expect(compareObject(deployment(), changed).fields).toEqual([
      { field: '/spec/replicas', expected: 2, live: 5 },
      { field: '/spec/template/spec/containers/0/env/1', expected: { name: 'B', value: '2' }, path: 'spec.template.spec.containers[name=web].env[name=B]' },
      { field: '/spec/template/spec/containers/1/args/0', expected: '--a', live: '--b', path: 'spec.template.spec.containers[name=sidecar].args.0' },
      { field: '/spec/template/spec/containers/1/args/1', expected: '--b', live: '--a', path: 'spec.template.spec.containers[name=sidecar].args.1' },
    ]);
  });

  it('reports a field the manifest sets that the live object lost, but no zero value the server drops', () => {
    const expected = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { tier: 'web' }, annotations: {} }, data: { a: '1', empty: '' } };
    const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', uid: 'x' }, data: { a: '1' } };
    expect(compareObject(expected, object).fields).toEqual([{ field: '/metadata/labels', expected: { tier: 'web' } }]);
  });

  it('compares resource quantities by value and other strings exactly', () => {
    expect(quantity('500m')).toBe(0.5);
    expect(quantity('1Gi')).toBe(2 ** 30);
    expect(quantity('1e3')).toBe(1000);
    expect(quantity('web')).toBeUndefined();
    const config = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { size: '1k' } };
    expect(compareObject(config, { ...config, data: { size: '1000' } }).fields).toEqual([{ field: '/data/size', expected: '1k', live: '1000' }]);
  });

  it('treats finalizers as a set', () => {
    const expected = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['a', 'b'] } };
    expect(compareObject(expected, { ...expected, metadata: { name: 'c', finalizers: ['b', 'x', 'a'] } }).fields).toEqual([]);
    expect(compareObject(expected, { ...expected, metadata: { name: 'c', finalizers: ['b'] } }).fields).toEqual([{ field: '/metadata/finalizers/0', expected: 'a' }]);
  });

  it('ignores what the rules name: a pointer for every object, a wildcard segment, a rule for one kind', () => {
    const changed = live();
    changed.spec.replicas = 5;
    changed.spec.template.spec.containers[0].image = 'sidecar:2';
    changed.spec.template.spec.containers[1].image = 'web:2';
    changed.metadata.labels = { app: 'other' };
    const result = compareObject(deployment(), changed, [
      { pointers: ['/spec/replicas'] },
      { kind: 'Deployment', group: 'apps', pointers: ['/spec/template/spec/containers/*/image'] },
      { kind: 'ConfigMap', pointers: ['/metadata/labels'] },
    ]);
    expect(result).toEqual({
      fields: [{ field: '/metadata/labels/app', expected: 'web', live: 'other' }],
      ignored: ['/spec/replicas', '/spec/template/spec/containers/0/image', '/spec/template/spec/containers/1/image'],
    });
  });

  it("ignores the CA bundle a webhook injects into a CRD, by default", () => {
    const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'x.example.dev' }, spec: { group: 'example.dev', conversion: { strategy: 'Webhook', webhook: { clientConfig: { caBundle: 'Cg==' } } } } };
    const injected = JSON.parse(JSON.stringify(crd));
    injected.spec.conversion.webhook.clientConfig.caBundle = 'LS0tLS1CRUdJTi==';
    expect(compareObject(crd, injected)).toEqual({ fields: [], ignored: ['/spec/conversion/webhook/clientConfig/caBundle'] });
  });

  it('compares Secrets by digest, data and stringData alike, and never shows their values', () => {
    const expected = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { password: Buffer.from('hunter2').toString('base64'), same: Buffer.from('x').toString('base64') }, stringData: { token: 'tok-123' } };
    const stored = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { password: Buffer.from('hunter2').toString('base64'), same: Buffer.from('x').toString('base64'), token: Buffer.from('tok-123').toString('base64') } };
    expect(compareObject(expected, stored).fields).toEqual([]);
    const changed = { ...stored, data: { same: stored.data.same } };
    const result = compareObject(expected, changed);
    expect(result.fields).toEqual([
      { field: '/data/password', expected: '(sensitive)', sensitive: true },
      { field: '/data/token', expected: '(sensitive)', sensitive: true },
    ]);
    const other = { ...stored, data: { ...stored.data, password: Buffer.from('hunter3').toString('base64') } };
    const shown = JSON.stringify([compareObject(expected, other), result]);
    for (const secret of ['hunter2', 'hunter3', 'tok-123', expected.data.password, other.data.password]) expect(shown).not.toContain(secret);
  });

  it('reports a changed Secret value as sensitive on both sides', () => {
    const expected = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'hunter2' } };
    const stored = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: Buffer.from('hunter3').toString('base64') } };
    expect(compareObject(expected, stored).fields).toEqual([{ field: '/data/password', expected: '(sensitive)', live: '(sensitive)', sensitive: true }]);
  });

  it("matches a Service's ports by port number, in any order", () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'https', port: 443 }] } };
    const stored = { ...service, spec: { clusterIP: '10.0.0.7', type: 'ClusterIP', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }, { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] } };
    expect(compareObject(service, stored).fields).toEqual([]);
  });

  it('matches volumes by name and volume mounts by mount path, in any order', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', configMap: { name: 'c' } }], containers: [{ name: 'x', volumeMounts: [{ name: 'a', mountPath: '/a' }, { name: 'b', mountPath: '/b' }] }] } };
    const stored = { ...pod, spec: { volumes: [{ name: 'b', configMap: { name: 'c', defaultMode: 420 } }, { name: 'a', emptyDir: {} }], containers: [{ name: 'x', volumeMounts: [{ name: 'b', mountPath: '/b' }, { name: 'a', mountPath: '/a' }] }] } };
    expect(compareObject(pod, stored).fields).toEqual([]);
    stored.spec.containers[0].volumeMounts[0].mountPath = '/elsewhere';
    expect(compareObject(pod, stored).fields).toEqual([
      { field: '/spec/containers/0/volumeMounts/1', expected: { name: 'b', mountPath: '/b' }, path: 'spec.containers[name=x].volumeMounts[mountPath=/b]' },
    ]);
  });

  it('ignores the CA bundle injected into webhook configurations and API services, by default', () => {
    const webhook = { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: { name: 'w' }, webhooks: [{ name: 'w.example.dev', clientConfig: { service: { name: 'w', namespace: 'x' } } }] };
    const injected = { ...webhook, webhooks: [{ name: 'w.example.dev', clientConfig: { service: { name: 'w', namespace: 'x' }, caBundle: 'LS0t' } }] };
    expect(compareObject({ ...webhook, webhooks: [{ ...webhook.webhooks[0], clientConfig: { ...webhook.webhooks[0].clientConfig, caBundle: 'Cg==' } }] }, injected)).toEqual({ fields: [], ignored: ['/webhooks/0/clientConfig/caBundle'] });
    const service = { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.x' }, spec: { caBundle: 'Cg==' } };
    expect(compareObject(service, { ...service, spec: { caBundle: 'LS0t' } }).fields).toEqual([]);
  });
});
