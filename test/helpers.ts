import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  AddonProfile,
  Cluster,
  ClusterConnection,
  ClusterProps,
  InfraProfile,
  ProfileError,
} from '../lib';

/** A complete infra profile with one manifest layer per role and a Kubernetes pin. */
export function infraProfile(scope: Construct, id = 'base', version = '1.0.0'): InfraProfile {
  const profile = new InfraProfile(scope, id, { version });
  profile.addManifestLayer('os', { role: 'os', documents: [configMap('os-settings')] });
  profile.addKubernetesLayer('k8s', { version: '1.34.x' });
  profile.addManifestLayer('cni', { role: 'cni', documents: [configMap('cni-settings')] });
  profile.addManifestLayer('csi', { role: 'csi', documents: [configMap('csi-settings')] });
  return profile;
}

/** An add-on profile with no layers yet. */
export function addonProfile(scope: Construct, id = 'addons', version = '1.0.0'): AddonProfile {
  return new AddonProfile(scope, id, { version });
}

/** A ConfigMap object. */
export function configMap(name: string, data: Record<string, string> = { key: 'value' }) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data };
}

/** A stack with one cluster reached through a kubeconfig. */
export function clusterIn(app: App, props: Partial<ClusterProps> = {}, stackId = 'stack', clusterId = 'prod'): Cluster {
  const stack = new TerraformStack(app, stackId);
  return new Cluster(stack, clusterId, { connection: ClusterConnection.kubeconfig({ path: '~/.kube/config' }), ...props });
}

/** The synthesized Terraform JSON of a stack, parsed. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** Every helm_release of a synthesized stack, by logical id. */
export function releases(json: any): Record<string, any> {
  return json.resource?.helm_release ?? {};
}

/** The `depends_on` of a release, as logical ids without the resource type. */
export function dependsOn(json: any, id: string): string[] {
  return (releases(json)[id]?.depends_on ?? []).map((d: string) => d.replace(/^(data\.)?[a-z_]+\./, ''));
}

/** Runs `fn` and returns the ProfileError it throws; fails the test when it throws nothing else. */
export function profileError(fn: () => unknown): ProfileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProfileError) return e;
    throw e;
  }
  throw new Error('expected a ProfileError, but nothing was thrown');
}

/**
 * A small seeded random generator for generated test cases, so a failure names a seed that can
 * be run again: `next()` in [0, 1), `pick` one of `items`, `chance(p)` true with probability p.
 */
export function seeded(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  return { next, pick, chance };
}

/** A fresh temporary directory, removed by the caller with fs.rmSync. */
export function tempDir(prefix = 'cluster-profiles-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const walk = (rel: string): string[] =>
    fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
      const child = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? walk(child) : [child];
    });
  return walk('').sort();
}

/** An App with `Testing.app()`'s settings, writing to a fresh temporary directory. */
export function testApp(): App {
  return Testing.app({ enableFutureFlags: false, stackTraces: false });
}
