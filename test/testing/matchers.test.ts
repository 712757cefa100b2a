import { SensitiveValue } from '../../lib';
import {
  synthCluster,
  toHaveDependencyEdges,
  toHaveLayer,
  toHaveMergedValues,
  toHaveNoUnpinnedVersions,
  toInstallBefore,
  toInstallTogether,
} from '../../lib/testing';
import { addonProfile, clusterIn, configMap, profileError, testApp } from '../helpers';
import { addonCluster } from './fixture';

const ORDER = [
  'install order of cluster "prod":',
  '  step 1: os',
  '  step 2: k8s',
  '  step 3: cni',
  '  step 4: csi',
  '  step 5: cert-manager, metrics',
  '  step 6: issuer',
].join('\n');

describe('cluster matchers', () => {
  const cluster = addonCluster();
  const synthesized = synthCluster(cluster);

  describe('toInstallBefore', () => {
    it('passes when a chain of dependencies leads from the first layer to the second', () => {
      expect(toInstallBefore(cluster, 'k8s', 'issuer')).toEqual({
        pass: true,
        message: `expected layer "k8s" not to install before "issuer" on cluster "prod", but "issuer" waits for it: k8s -> cni -> csi -> cert-manager -> issuer\n${ORDER}`,
      });
    });

    it('fails showing the chain the other way when the second installs first', () => {
      expect(toInstallBefore(synthesized, 'issuer', 'csi')).toEqual({
        pass: false,
        message: `expected layer "issuer" to install before "csi" on cluster "prod", but "csi" installs first: csi -> cert-manager -> issuer\n${ORDER}`,
      });
    });

    it('fails when nothing orders the two layers', () => {
      expect(toInstallBefore(synthesized, 'metrics', 'cert-manager')).toEqual({
        pass: false,
        message: `expected layer "metrics" to install before "cert-manager" on cluster "prod", but nothing orders them, so they may install in parallel\n${ORDER}`,
      });
    });

    it('throws naming the layers there are when a layer does not exist, with or without .not', () => {
      expect(profileError(() => toInstallBefore(synthesized, 'cni', 'isuer')).message).toBe(
        'UNKNOWN_LAYER at stack/prod: cluster "prod" has no layer "isuer"\n' +
          '  its layers: os, k8s, cni, csi, cert-manager, metrics, issuer\n' +
          '  fix: name one of its layers (did you mean "issuer"?)',
      );
    });
  });

  describe('toInstallTogether', () => {
    it('passes when both layers install in the same step', () => {
      expect(toInstallTogether(synthesized, 'metrics', 'cert-manager')).toEqual({
        pass: true,
        message: `expected layers "metrics" and "cert-manager" not to install together on cluster "prod", but both install in step 5\n${ORDER}`,
      });
    });

    it('fails naming the step of each when they install in different steps', () => {
      expect(toInstallTogether(synthesized, 'metrics', 'issuer')).toEqual({
        pass: false,
        message: `expected layers "metrics" and "issuer" to install together on cluster "prod", but "metrics" installs in step 5 and "issuer" in step 6\n${ORDER}`,
      });
    });
  });

  describe('toHaveLayer', () => {
    it('passes when the layer has the version, namespace and values given', () => {
      expect(toHaveLayer(synthesized, 'cert-manager', { version: '1.16.2', namespace: 'cert-manager', values: { replicaCount: 2 } })).toEqual({
        pass: true,
        message: 'expected cluster "prod" not to have layer "cert-manager" with {"namespace":"cert-manager","values":{"replicaCount":2},"version":"1.16.2"}, but it does',
      });
    });

    it('passes on the name alone when nothing else is given', () => {
      expect(toHaveLayer(synthesized, 'k8s')).toEqual({ pass: true, message: 'expected cluster "prod" not to have layer "k8s", but it does' });
    });

    it('fails listing every difference', () => {
      expect(toHaveLayer(synthesized, 'cert-manager', { version: '1.17.0', namespace: 'pki', values: { replicaCount: 3, webhook: { enabled: true } } })).toEqual({
        pass: false,
        message: [
          'expected cluster "prod" to have layer "cert-manager" with {"namespace":"pki","values":{"replicaCount":3,"webhook":{"enabled":true}},"version":"1.17.0"}, but:',
          '  version: expected "1.17.0", found "1.16.2"',
          '  namespace: expected "pki", found "cert-manager"',
          '  values.replicaCount: expected 3, found 2',
          '  values.webhook: expected {"enabled":true}, found nothing',
        ].join('\n'),
      });
    });

    it('fails naming the layers there are when the cluster has no such layer', () => {
      expect(toHaveLayer(synthesized, 'cert-manger', { namespace: 'cert-manager' })).toEqual({
        pass: false,
        message:
          'expected cluster "prod" to have layer "cert-manger" with {"namespace":"cert-manager"}, but it has none of that name (did you mean "cert-manager"?); its layers: os, k8s, cni, csi, cert-manager, metrics, issuer',
      });
    });
  });

  describe('toHaveMergedValues', () => {
    const MERGED = [
      'merged values:',
      '  {',
      '    "args": [',
      '      "--v=2"',
      '    ],',
      '    "installCRDs": true,',
      '    "replicaCount": 2,',
      '    "resources": {',
      '      "limits": {',
      '        "cpu": "100m"',
      '      }',
      '    }',
      '  }',
    ].join('\n');

    it('passes when the merged values contain the subset, maps partially and lists whole', () => {
      expect(toHaveMergedValues(cluster, 'cert-manager', { replicaCount: 2, resources: { limits: {} }, args: ['--v=2'] })).toEqual({
        pass: true,
        message: `expected the merged values of layer "cert-manager" on cluster "prod" not to contain {"args":["--v=2"],"replicaCount":2,"resources":{"limits":{}}}, but they do\n${MERGED}`,
      });
    });

    it('fails with a line per difference and the merged values', () => {
      expect(toHaveMergedValues(synthesized, 'cert-manager', { replicaCount: 1, args: [], resources: { limits: { cpu: '200m' } } })).toEqual({
        pass: false,
        message: [
          'expected the merged values of layer "cert-manager" on cluster "prod" to contain {"args":[],"replicaCount":1,"resources":{"limits":{"cpu":"200m"}}}, but:',
          '  replicaCount: expected 1, found 2',
          '  args: expected [], found ["--v=2"]',
          '  resources.limits.cpu: expected "200m", found "100m"',
          MERGED,
        ].join('\n'),
      });
    });

    it('matches secrets by their source and honours asymmetric matchers', () => {
      const app = testApp();
      const addons = addonProfile(app);
      addons.addManifestLayer('web', { namespace: 'web', documents: [configMap('web')] });
      const web = clusterIn(app, { profiles: [addons] });
      web.setValues('web', { adminPassword: SensitiveValue.fromVariable('web_admin_password'), replicas: 3 });
      expect(toHaveMergedValues(web, 'web', { adminPassword: SensitiveValue.fromVariable('web_admin_password'), replicas: expect.any(Number) }).pass).toBe(true);
      expect(toHaveMergedValues(web, 'web', { adminPassword: SensitiveValue.fromVariable('other') }).message).toBe(
        [
          'expected the merged values of layer "web" on cluster "prod" to contain {"adminPassword":"(sensitive: var.other)"}, but:',
          '  adminPassword: expected "(sensitive: var.other)", found "(sensitive: var.web_admin_password)"',
          'merged values:',
          '  {',
          '    "adminPassword": "(sensitive: var.web_admin_password)",',
          '    "replicas": 3',
          '  }',
        ].join('\n'),
      );
    });
  });

  describe('toHaveNoUnpinnedVersions', () => {
    it('fails listing every repository or OCI chart without an exact version', () => {
      expect(toHaveNoUnpinnedVersions(synthesized)).toEqual({
        pass: false,
        message: [
          'expected cluster "prod" to have no unpinned chart versions, but:',
          '  metrics: chart oci://ghcr.io/example/charts/metrics has no version',
        ].join('\n'),
      });
    });

    it('passes when every such chart has an exact version, whatever the local and generated charts', () => {
      const app = testApp();
      const addons = addonProfile(app);
      addons.addManifestLayer('settings', { namespace: 'platform', documents: [configMap('settings')] });
      expect(toHaveNoUnpinnedVersions(clusterIn(app, { profiles: [addons] }))).toEqual({
        pass: true,
        message: 'expected cluster "prod" to have unpinned chart versions, but every chart from a repository or registry has an exact version',
      });
    });
  });

  describe('toHaveDependencyEdges', () => {
    const ACTUAL = [
      'actual edges:',
      '  os -> k8s',
      '  k8s -> cni',
      '  cni -> csi',
      '  csi -> cert-manager',
      '  csi -> metrics',
      '  cert-manager -> issuer',
      '  metrics -> issuer',
    ].join('\n');

    it('passes when the reduced edges are exactly the given ones, in any order', () => {
      const edges = [
        ['metrics', 'issuer'],
        ['cert-manager', 'issuer'],
        ['csi', 'metrics'],
        ['csi', 'cert-manager'],
        ['cni', 'csi'],
        ['k8s', 'cni'],
        ['os', 'k8s'],
      ] as const;
      expect(toHaveDependencyEdges(synthesized, edges)).toEqual({
        pass: true,
        message: `expected the dependency edges of cluster "prod" not to be exactly the given ones, but they are\n${ACTUAL}`,
      });
    });

    it('fails listing missing and unexpected edges, such as one the reduction removed', () => {
      const edges = [
        ['os', 'k8s'],
        ['k8s', 'cni'],
        ['cni', 'csi'],
        ['csi', 'cert-manager'],
        ['csi', 'metrics'],
        ['cert-manager', 'issuer'],
        ['csi', 'issuer'],
      ] as const;
      expect(toHaveDependencyEdges(synthesized, edges)).toEqual({
        pass: false,
        message: [
          'expected the dependency edges of cluster "prod" to be exactly the given ones, but:',
          '  missing:    csi -> issuer',
          '  unexpected: metrics -> issuer',
          ACTUAL,
        ].join('\n'),
      });
    });
  });

  it('refuses a subject that is neither a cluster nor a synthesized one', () => {
    expect(() => toHaveNoUnpinnedVersions({} as never)).toThrow(new TypeError('expected a Cluster or the result of synthCluster(), but got object'));
  });
});
