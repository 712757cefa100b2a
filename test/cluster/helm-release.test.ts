import { Fn, ITerraformDependable, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { DataKubernetesServerVersion } from '@cdktf/provider-kubernetes/lib/data-kubernetes-server-version';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { HELM_GENERATOR_METADATA, HelmRelease, HelmReleaseConfig } from '../../lib/cluster/helm-release';
import { escapeForSet, escapeTemplates } from '../../lib/cluster/release-values';

/**
 * Guard of lib/cluster/helm-release.ts: our `helm_release` element must synthesize what the
 * provider binding's `Release` does, byte for byte, in JSON (cdk.tf.json, with metadata) and in
 * HCL (`cdktf synth --hcl`). When a binding upgrade changes the shape, this fails: update
 * HelmRelease to the new shape (or go back to `Release`).
 */

/** What a case may refer to: elements and tokens of its stack, made the same way on both sides. */
interface Context {
  readonly stack: TerraformStack;
  readonly helm: HelmProvider;
  readonly token: string;
  readonly secret: string;
  readonly check: DataKubernetesServerVersion;
  readonly first: ITerraformDependable;
}

type Case = [string, (c: Context) => HelmReleaseConfig];

const cases: Case[] = [
  ['only the required attributes', () => ({ name: 'web', chart: './charts/web' })],
  [
    'every attribute emission sets',
    (c) => ({
      provider: c.helm,
      name: 'grafana',
      namespace: 'monitoring',
      createNamespace: true,
      repository: 'https://grafana.github.io/helm-charts',
      chart: 'grafana',
      version: '8.5.0',
      values: ['replicas: 2\n'],
      set: [{ name: 'image.tag', value: escapeForSet(c.token) }],
      setSensitive: [{ name: 'adminPassword', value: escapeForSet(c.secret) }],
      atomic: true,
      cleanupOnFail: true,
      wait: true,
      waitForJobs: false,
      timeout: 300,
      maxHistory: 10,
      upgradeInstall: true,
    }),
  ],
  [
    'false and zero, which must not be dropped',
    () => ({ name: 'a', chart: 'a', createNamespace: false, atomic: false, cleanupOnFail: false, wait: false, waitForJobs: false, timeout: 0, maxHistory: 0, upgradeInstall: false }),
  ],
  [
    'values that need escaping: templates, quotes, backslashes, newlines, unicode',
    () => ({
      name: 'escaped',
      chart: 'escaped',
      values: [
        escapeTemplates('password: a${b}c\ntemplate: "%{ if x }y%{ endif }"\npath: C:\\dir\\file\nquote: "it\'s"\nemoji: "é ✓"\n'),
        'second: document\n',
      ],
    }),
  ],
  [
    'set and set_sensitive with several entries, escaped names and tokens inside text',
    (c) => ({
      name: 'sets',
      chart: 'sets',
      set: [
        { name: 'ingress.annotations.kubernetes\\.io/ingress\\.class', value: escapeForSet(c.token) },
        { name: 'list[0].name', value: escapeForSet(Fn.join('-', ['prefix', c.token])) },
        { name: escapeTemplates('weird.${key}'), value: escapeForSet(Fn.upper(c.token)) },
      ],
      setSensitive: [
        { name: 'a', value: escapeForSet(c.secret) },
        { name: 'b.c', value: escapeForSet(c.token) },
      ],
    }),
  ],
  [
    'depends_on a data source and a release, with prevent_destroy',
    (c) => ({ provider: c.helm, name: 'after', chart: 'after', dependsOn: [c.check, c.first], lifecycle: { preventDestroy: true } }),
  ],
  ['an empty values list', () => ({ name: 'empty', chart: 'empty', values: [] })],
];

describe('HelmRelease, our helm_release element', () => {
  it.each(cases)('synthesizes the same JSON as the provider binding: %s', (_, configure) => {
    const ours = synthesize('ours', configure);
    const binding = synthesize('binding', configure);
    expect(ours.json).toBe(binding.json);
    expect(ours.testingJson).toBe(binding.testingJson);
  });

  it.each(cases)('synthesizes the same HCL as the provider binding: %s', (_, configure) => {
    expect(synthesize('ours', configure).hcl).toBe(synthesize('binding', configure).hcl);
  });

  it('declares the generator metadata and resource type of the binding', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const release = new Release(stack, 'release', { name: 'a', chart: 'a' });
    expect({ ...HELM_GENERATOR_METADATA }).toEqual(release.terraformGeneratorMetadata);
    expect(HelmRelease.tfResourceType).toBe(Release.tfResourceType);
    expect(new HelmRelease(stack, 'ours', { name: 'a', chart: 'a' }).terraformGeneratorMetadata).toEqual(release.terraformGeneratorMetadata);
  });

  it('makes no cdktf token when constructed, unlike the binding', () => {
    // The reason the element exists (see helm-release.ts): every token records a stack trace.
    const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (below?: unknown) => string[] };
    const original = stackTrace.captureStackTrace;
    let captures = 0;
    stackTrace.captureStackTrace = (below?: unknown) => {
      captures += 1;
      return original(below);
    };
    try {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new HelmRelease(stack, 'ours', { name: 'a', chart: 'a' });
      expect(captures).toBe(0);
      new Release(stack, 'binding', { name: 'a', chart: 'a' });
      expect(captures).toBeGreaterThan(0);
    } finally {
      stackTrace.captureStackTrace = original;
    }
  });
});

/** One stack holding the case's release (and what it refers to), built with either class. */
function synthesize(kind: 'ours' | 'binding', configure: (c: Context) => HelmReleaseConfig) {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const make = (id: string, config: HelmReleaseConfig): ITerraformDependable & { overrideLogicalId(id: string): void } =>
    kind === 'ours'
      ? new HelmRelease(stack, id, config)
      : new Release(stack, id, { ...config, values: config.values && [...config.values], set: config.set && [...config.set], setSensitive: config.setSensitive && [...config.setSensitive] });
  const helm = new HelmProvider(stack, 'helm', { alias: 'prod', kubernetes: { configPath: '~/.kube/config' } });
  const kubernetes = new KubernetesProvider(stack, 'kubernetes', { alias: 'prod' });
  const check = new DataKubernetesServerVersion(stack, 'check', { provider: kubernetes });
  const token = new TerraformVariable(stack, 'tag', { type: 'string' }).stringValue;
  const secret = new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true }).stringValue;
  const first = make('first', { provider: helm, name: 'first', chart: 'first' });
  first.overrideLogicalId('prod_first');
  const release = make('release', configure({ stack, helm, token, secret, check, first }));
  release.overrideLogicalId('prod_release');
  return {
    json: JSON.stringify(stack.toTerraform(), null, 2),
    testingJson: Testing.synth(stack),
    hcl: Testing.synthHcl(stack),
  };
}
