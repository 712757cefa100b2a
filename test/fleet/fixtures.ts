import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { AddonProfile, ClusterConnection, Fleet, FleetClusterOptions, FleetProps, RolloutDocument, WaveOptions } from '../../lib';
import { configMap, tempDir } from '../helpers';

/** An add-on profile `platform` of one manifest layer, at `version`. */
export function platform(app: App, version = '1.0.0', id = `platform-${version}`): AddonProfile {
  const profile = new AddonProfile(app, id, { name: 'platform', version });
  profile.addManifestLayer('settings', { documents: [configMap('settings', { version })] });
  return profile;
}

/** Cluster options of a fleet: `name` with `labels`, reached through its kubeconfig context. */
export function member(name: string, labels: Record<string, string>, profile: AddonProfile, extra: Partial<FleetClusterOptions> = {}): FleetClusterOptions {
  return { name, connection: ClusterConnection.kubeconfig({ path: '~/.kube/config', context: name }), profiles: [profile], labels, ...extra };
}

/**
 * A fleet of six clusters: `canary` (ring=canary), `eu-1`..`eu-3` (ring=main, region=eu) and
 * `us-1`, `us-2` (ring=main, region=us), in waves canary, eu (matchLabels) and us.
 */
export function sixClusters(app: App, props: Partial<FleetProps> = {}, version = '1.0.0'): Fleet {
  const profile = platform(app, version);
  const clusters = [
    member('canary', { ring: 'canary' }, profile),
    member('eu-1', { ring: 'main', region: 'eu' }, profile),
    member('eu-2', { ring: 'main', region: 'eu' }, profile),
    member('eu-3', { ring: 'main', region: 'eu' }, profile),
    member('us-1', { ring: 'main', region: 'us' }, profile),
    member('us-2', { ring: 'main', region: 'us' }, profile),
  ];
  const waves: WaveOptions[] = [
    { name: 'canary', clusters: ['canary'] },
    { name: 'eu', matchLabels: { region: 'eu' }, maxParallel: 2 },
    { name: 'us', matchLabels: { region: 'us' } },
  ];
  return new Fleet(app, 'edge', { clusters, waves, ...props });
}

/** A fresh app writing to its own temporary folder. */
export function outdirApp(): { app: App; outdir: string } {
  const outdir = tempDir('fleet-');
  return { app: new App({ outdir }), outdir };
}

/** Synthesizes `app` and returns its manifest's dependencies by stack, and the fleet's rollout.json. */
export function synthFleet(app: App, outdir: string, fleet = 'edge'): { dependencies: Record<string, string[]>; rollout: RolloutDocument; rolloutText: string } {
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const dependencies = Object.fromEntries(Object.entries<any>(manifest.stacks).map(([name, stack]) => [name, [...stack.dependencies].sort()]));
  const rolloutText = fs.readFileSync(path.join(outdir, 'fleet', fleet, 'rollout.json'), 'utf8');
  return { dependencies, rollout: JSON.parse(rolloutText), rolloutText };
}

/** The parsed cdk.tf.json of a synthesized stack. */
export function stackJson(outdir: string, stack: string): any {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}
