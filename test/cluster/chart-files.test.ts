import { generatedChart } from '../../lib/cluster/chart-files';
import { ManifestDocument } from '../../lib';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.dev' },
  spec: { group: 'example.dev', names: { kind: 'Widget', plural: 'widgets' }, scope: 'Namespaced', versions: [] },
} as ManifestDocument;
const widget = { apiVersion: 'example.dev/v1', kind: 'Widget', metadata: { name: 'w1' } } as ManifestDocument;
const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { t: '{{ .Values.x }}' } } as ManifestDocument;

describe('generated manifest charts', () => {
  it('puts a CRD under crds/ when the same layer holds objects of its kind', () => {
    const chart = generatedChart('widgets', [crd, widget]);
    expect([...chart.files.keys()]).toEqual([
      'Chart.yaml',
      'crds/0001-customresourcedefinition-widgets.example.dev.yaml',
      'manifests/0002-widget-w1.yaml',
      'templates/manifests.yaml',
    ]);
  });

  it('keeps a CRD with the templates when only later layers use it, so upgrades and uninstalls manage it', () => {
    const chart = generatedChart('crds', [crd]);
    expect([...chart.files.keys()]).toContain('manifests/0001-customresourcedefinition-widgets.example.dev.yaml');
  });

  it('prints objects verbatim, so {{ in a manifest is never read as a template', () => {
    const chart = generatedChart('settings', [configMap]);
    expect(chart.files.get('manifests/0001-configmap-c.yaml')!.toString()).toBe(
      'apiVersion: v1\ndata:\n  t: "{{ .Values.x }}"\nkind: ConfigMap\nmetadata:\n  name: c\n',
    );
    expect(chart.files.get('templates/manifests.yaml')!.toString()).toContain('.Files.Get $path');
  });

  it('changes its digest exactly when the content changes', () => {
    const a = generatedChart('settings', [configMap]).digest;
    expect(generatedChart('settings', [{ ...configMap }]).digest).toBe(a);
    expect(generatedChart('settings', [{ ...configMap, data: { t: 'other' } }]).digest).not.toBe(a);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
