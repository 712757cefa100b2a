// The raw cdktf app of the cold-start benchmark: a bare app that declares what examples/quickstart
// synthesizes (backend, variables, two aliased providers, the version check, the namespace the CNI
// pack asks for, seven helm_releases with the same arguments and depends_on), written by hand. It
// reads no packs or lockfile and writes no chart folders or install plan: the chart paths and
// values below are literals copied from the quickstart's output, so a raw author would have to
// fetch and place those charts by hand.
// When the quickstart changes, the runner reports that the outputs differ: update the literals.
// The provider classes are parameters so that the deep-import and package-root variants share it.
import { App, Fn, LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import type { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import type { Release, ReleaseConfig } from '@cdktf/provider-helm/lib/release';
import type { DataKubernetesServerVersion } from '@cdktf/provider-kubernetes/lib/data-kubernetes-server-version';
import type { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';

export interface ProviderClasses {
  readonly HelmProvider: typeof HelmProvider;
  readonly Release: typeof Release;
  readonly KubernetesProvider: typeof KubernetesProvider;
  readonly DataKubernetesServerVersion: typeof DataKubernetesServerVersion;
  readonly NamespaceV1: typeof NamespaceV1;
}

export function rawQuickstart(app: App, classes: ProviderClasses): void {
  const { HelmProvider, Release, KubernetesProvider, DataKubernetesServerVersion, NamespaceV1 } = classes;
  const stack = new TerraformStack(app, 'quickstart');
  new LocalBackend(stack, { path: '../../../terraform.quickstart.tfstate' });
  const kubeconfig = new TerraformVariable(stack, 'kubeconfig', {
    type: 'string',
    default: '~/.kube/config',
    description: 'Path of the kubeconfig file for the edge cluster',
  });
  const token = new TerraformVariable(stack, 'web_admin_token', {
    type: 'string',
    sensitive: true,
    description: 'Sensitive value for cluster profiles; supply it as TF_VAR_web_admin_token',
  });
  const helm = new HelmProvider(stack, 'helm', { alias: 'edge-1', kubernetes: { configPath: kubeconfig.stringValue } });
  const kubernetes = new KubernetesProvider(stack, 'kubernetes', { alias: 'edge-1', configPath: kubeconfig.stringValue });
  const version = new DataKubernetesServerVersion(stack, 'edge-1_kubernetes', {
    provider: kubernetes,
    lifecycle: {
      postcondition: [
        {
          condition: '${can(regex("^v?1[.]34[.][0-9]+([-+].*)?$", self.git_version))}',
          errorMessage:
            'Layer "kubernetes" of cluster "edge-1" expects Kubernetes 1.34.x, but the server runs ${self.git_version}. Attach a profile version made for this Kubernetes version, or upgrade the cluster first.',
        },
      ],
    },
  });
  // The demo-cni pack asks for its namespace, labelled for Pod Security.
  const cniNamespace = new NamespaceV1(stack, 'edge-1_namespace_cni-system', {
    provider: kubernetes,
    metadata: {
      name: 'cni-system',
      labels: { 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/enforce-version': 'v1.34' },
    },
  });
  const defaults = { provider: helm, createNamespace: true, atomic: true, cleanupOnFail: true, wait: true, waitForJobs: false, timeout: 300, maxHistory: 10 };
  const release = (id: string, config: Omit<ReleaseConfig, keyof typeof defaults>) => new Release(stack, `edge-1_${id}`, { ...defaults, ...config });
  const nodeOs = release('node-os', { name: 'node-os', namespace: 'platform-system', chart: './clusters/edge-1/charts/node-os-fc228c33182d' });
  const cni = release('cni', {
    name: 'cni',
    namespace: 'cni-system',
    chart: './clusters/edge-1/charts/cni-b091fd65928d/demo-cni-0.3.1.tgz',
    values: ['image: registry.k8s.io/pause:3.10\nmtu: 8950\npodCIDR: 10.244.0.0/16\n'],
    dependsOn: [version, nodeOs, cniNamespace],
  });
  const csi = release('csi', {
    name: 'csi',
    namespace: 'csi-system',
    chart: './clusters/edge-1/charts/csi-f45d5c278f1c/demo-csi-1.2.0.tgz',
    values: ['storageClass:\n  default: true\n  name: standard\n  reclaimPolicy: Retain\n'],
    dependsOn: [cni],
  });
  const issuerCrds = release('issuer-crds', {
    name: 'issuer-crds',
    namespace: 'default',
    chart: './clusters/edge-1/charts/issuer-crds-456d4dfe8f40',
    dependsOn: [csi],
  });
  const issuers = release('issuers', {
    name: 'issuers',
    namespace: 'default',
    chart: './clusters/edge-1/charts/issuers-51e53e8f279a',
    values: ['manifests:\n  issuer:\n    commonName: Edge internal CA\n    name: internal-ca\n'],
    dependsOn: [issuerCrds],
  });
  const web = release('web', {
    name: 'web',
    namespace: 'web',
    chart: './clusters/edge-1/charts/web-1a8f7c365842/demo-web-2.0.4.tgz',
    values: ['image: registry.k8s.io/pause:3.10\nmessage: hello from edge-1\nreplicaCount: 2\n'],
    setSensitive: [{ name: 'adminToken', value: Fn.replace(Fn.replace(token.stringValue, '\\\\', '\\\\\\\\'), ',', '\\\\,') }],
    dependsOn: [issuers],
  });
  release('podinfo', {
    name: 'podinfo',
    namespace: 'podinfo',
    repository: 'https://stefanprodan.github.io/podinfo',
    chart: 'podinfo',
    version: '6.9.2',
    values: ['replicaCount: 1\nui:\n  message: Deployed by a cluster profile\n'],
    dependsOn: [web],
  });
}
