import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkProfileDocuments, ProfileDocumentCluster } from '../document/write-documents';
import { Diagnostic, ProfileError } from '../errors';
import { Layer } from '../layer/layer';
import { ClusterPolicy } from '../policy/cluster-policy';
import { ForbidClearTextSecrets, clearTextSecretsAllowed } from '../policy/forbid-clear-text-secrets';
import { YamlMemo } from '../values/yaml';
import type { Cluster } from './cluster';
import type { Profile } from '../profile/profile';
import type { ProfileSpec } from '../model/profile';
import { ClusterSpec, InstallPlan } from './plan';
import { PlanMemo } from './plan-memo';
import { ReleaseValuesMemo } from './release-values';
import { DocumentValuesMemo } from './document-values';
import { duplicateClusterInStack } from '../diagnostics';

/**
 * The one pass of a synth, in stages: resolve every layer's inputs (packs, manifest files); plan every cluster of every
 * stack of the app; check every plan against every policy (and the default secrets rule) and the
 * profile documents against each other; then throw every diagnostic at once, sorted, before any
 * stack is written. Emission follows, cluster by cluster, from the plans made here. cdktf writes each stack as soon as
 * its Aspects ran, so this runs from the first Aspect of ours that cdktf invokes, whichever
 * stack it is in; it is added to every stack of the app that exists when a cluster is made.
 *
 * The plans it made are its state, owned by the app (not by a module): clusters emit from them.
 */
export interface SynthPass {
  /** The plan of every cluster, made once per synth. */
  readonly plans: ReadonlyMap<Cluster, InstallPlan>;
  /** The spec each cluster was planned from; clusters running one profile share its spec. */
  readonly specs: ReadonlyMap<Cluster, ClusterSpec>;
  /** The values YAML emitted so far, by content: clusters sharing a profile share most of it. */
  readonly yaml: YamlMemo;
  /** Each values tree split for Helm once: plans of clusters sharing a profile share trees. */
  readonly releaseValues: ReleaseValuesMemo;
  /** Values trees as install plan documents show them, each token-free tree once. */
  readonly documentValues: DocumentValuesMemo;
}

const PASS = Symbol.for('cdktf-cluster-profiles.SynthPass');
const PASS_ASPECT = Symbol.for('cdktf-cluster-profiles.SynthPassAspect');

/**
 * Runs the pass for the app `root` belongs to, once: later calls return the first result. When
 * anything is wrong, it removes the stack output an earlier synth left in the app's outdir (so
 * no pipeline applies it by mistake) and throws a {@link ProfileError} with every diagnostic.
 */
export function runSynthPass(root: IConstruct): SynthPass {
  const holder = root as { [PASS]?: SynthPass };
  if (holder[PASS]) return holder[PASS];
  const constructs = root.node.findAll();
  const clusters = constructs.filter(isCluster);
  // Resolve: every layer's inputs (a pack's constraint against the registries and the lockfile,
  // manifest files).
  const diagnostics: Diagnostic[] = resolveLayers(constructs.filter(Layer.isLayer));
  // Plan and check: every cluster, then every policy on every plan.
  // Each profile's spec is made once; clusters running the same profiles share what planning
  // can reuse (see PlanMemo).
  const profileSpecs = new Map<Profile, ProfileSpec>();
  const profileSpec = (profile: Profile): ProfileSpec => {
    let spec = profileSpecs.get(profile);
    if (!spec) profileSpecs.set(profile, (spec = profile.toSpec()));
    return spec;
  };
  const memo = new PlanMemo();
  const plans = new Map<Cluster, InstallPlan>();
  const specs = new Map<Cluster, ClusterSpec>();
  for (const cluster of clusters) {
    const { spec, result } = cluster.planWith(profileSpec, memo);
    if (spec) specs.set(cluster, spec);
    if (result.plan) plans.set(cluster, result.plan);
    else diagnostics.push(...result.diagnostics);
  }
  diagnostics.push(...duplicateClusters(clusters), ...policyDiagnostics(constructs, plans));
  // A cluster with no spec failed to resolve and fails the synth anyway.
  const planned = documentClusters(clusters.filter((c) => specs.has(c)), specs);
  diagnostics.push(...checkProfileDocuments(clusters.flatMap((c) => c.attachedProfiles), planned));
  if (diagnostics.length > 0) {
    removeEarlierOutput(root);
    throw new ProfileError(uniqueDiagnostics(diagnostics)).withoutStack();
  }
  const yaml = new YamlMemo();
  const pass: SynthPass = { plans, specs, yaml, releaseValues: new ReleaseValuesMemo(yaml), documentValues: new DocumentValuesMemo() };
  Object.defineProperty(root, PASS, { value: pass, configurable: true });
  return pass;
}

/**
 * Clusters as profile documents need them: the profiles each runs and the values it sets, from
 * the spec the pass planned it from (a cluster made after the pass makes its own).
 */
export function documentClusters(clusters: readonly Cluster[], specs: ReadonlyMap<Cluster, ClusterSpec>): ProfileDocumentCluster[] {
  return clusters.map((c) => ({ attachedProfiles: c.attachedProfiles, values: (specs.get(c) ?? c.toSpec()).values }));
}

/**
 * Makes sure the pass runs before the first of `stacks` is written, even when that stack holds
 * no cluster of ours: each stack gets, once, an Aspect that starts the pass.
 */
export function runPassBefore(stacks: readonly TerraformStack[]): void {
  for (const stack of stacks) {
    const marked = stack as { [PASS_ASPECT]?: true };
    if (marked[PASS_ASPECT]) continue;
    Object.defineProperty(stack, PASS_ASPECT, { value: true });
    Aspects.of(stack).add(new StartPass());
  }
}

class StartPass implements IAspect {
  visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) runSynthPass(node.node.root);
  }
}

/** Whether `x` is a {@link Cluster}; the same test as `Cluster.isCluster`, without loading it. */
function isCluster(x: unknown): x is Cluster {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[CLUSTER_SYMBOL] === true;
}

const CLUSTER_SYMBOL = Symbol.for('cdktf-cluster-profiles.Cluster');

/**
 * Each diagnostic once: a layer that fails to resolve fails again when a cluster plans it, with
 * the same code, path and message.
 */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...new Map(diagnostics.map((d) => [`${d.code}|${d.path}|${d.message}`, d])).values()];
}

/** Resolves every layer once, collecting what fails instead of stopping at the first. */
export function resolveLayers(layers: readonly Layer[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const layer of layers) {
    try {
      layer.resolve();
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      diagnostics.push(...e.diagnostics);
    }
  }
  return diagnostics;
}

function duplicateClusters(clusters: readonly Cluster[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const names = new Map<string, Cluster>();
  for (const cluster of clusters) {
    const key = `${TerraformStack.of(cluster).node.path}/${cluster.clusterName}`;
    const other = names.get(key);
    if (other) {
      diagnostics.push(duplicateClusterInStack(cluster.node.path, cluster.clusterName, other.node.path));
    }
    names.set(key, cluster);
  }
  return diagnostics;
}

/**
 * Every policy added (as an Aspect) to a construct above a cluster checks that cluster's plan.
 * `ForbidClearTextSecrets` applies to every cluster by default: a literal secret would be written
 * in clear text to cdk.tf.json. A stack opts out with `ForbidClearTextSecrets.allowIn(stack)`;
 * a `ForbidClearTextSecrets` added explicitly (with its own key pattern) replaces the default.
 */
function policyDiagnostics(constructs: readonly IConstruct[], plans: ReadonlyMap<Cluster, InstallPlan>): Diagnostic[] {
  const registrations = constructs.flatMap((scope) => Aspects.of(scope).all.filter(ClusterPolicy.isClusterPolicy).map((policy) => ({ scope, policy })));
  const defaultSecrets = new ForbidClearTextSecrets();
  const diagnostics: Diagnostic[] = [];
  for (const [cluster, plan] of plans) {
    const policies = new Set(registrations.filter((r) => cluster.node.scopes.includes(r.scope)).map((r) => r.policy));
    const explicitSecrets = [...policies].some((p) => p instanceof ForbidClearTextSecrets);
    if (!explicitSecrets && !clearTextSecretsAllowed(TerraformStack.of(cluster))) policies.add(defaultSecrets);
    for (const policy of policies) diagnostics.push(...policy.diagnose(plan));
  }
  return diagnostics;
}

/**
 * After a failed synth, nothing an earlier synth wrote for the stacks may stay, ready to be
 * applied: each stack's cdk.tf.json and our files beside it, the manifest, the profile
 * documents. Anything else in the outdir (Terraform's `.terraform` folders) stays.
 */
function removeEarlierOutput(root: IConstruct): void {
  if (!App.isApp(root)) return;
  const outdir = root.outdir;
  const stacks = path.join(outdir, 'stacks');
  if (fs.existsSync(stacks)) {
    for (const entry of fs.readdirSync(stacks, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const directory = path.join(stacks, entry.name);
      for (const written of ['cdk.tf.json', 'clusters']) fs.rmSync(path.join(directory, written), { recursive: true, force: true });
      if (fs.readdirSync(directory).length === 0) fs.rmdirSync(directory);
    }
  }
  fs.rmSync(path.join(outdir, 'manifest.json'), { force: true });
  fs.rmSync(path.join(outdir, 'profiles'), { recursive: true, force: true });
}
