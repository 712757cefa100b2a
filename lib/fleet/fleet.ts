import * as fs from 'fs';
import * as path from 'path';
import { ISynthesisSession, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { afterStackSynthesis } from '../cluster/stack-synthesis';
import { Cluster } from '../cluster/cluster';
import { Diagnostic, ProfileError } from '../errors';
import { checkName } from '../names';
import { FleetBackend } from './fleet-backend';
import { FleetClusterOptions } from './fleet-cluster';
import { FleetStack } from './fleet-stack';
import { RolloutCluster, RolloutDocument, ROLLOUT_API_VERSION, RolloutWave, serializeRolloutDocument } from './rollout-document';
import { addSoak } from './soak';
import { PlannedWave, planWaves, WaveOptions } from './wave';
import { duplicateFleetCluster, fleetStackNameTaken, soakStackNameTaken, unknownFleetCluster } from '../diagnostics';

/** Props of a {@link Fleet}. */
export interface FleetProps {
  /**
   * The fleet's name: it names `cdktf.out/fleet/<name>/` and the soak stacks.
   * @default - the construct id
   */
  readonly name?: string;
  /** The clusters; each becomes a stack named after it, holding one {@link Cluster}. */
  readonly clusters: readonly FleetClusterOptions[];
  /** The waves in rollout order, the canary first. Every cluster is in exactly one. */
  readonly waves: readonly WaveOptions[];
  /**
   * The most clusters of a wave deployed at once, for waves that do not say.
   * @default - a whole wave at once
   */
  readonly maxParallel?: number;
  /**
   * Seconds to wait after each wave before the next, for waves that do not say.
   * @default 0
   */
  readonly soakSeconds?: number;
  /**
   * Whether a failed stack stops the rollout: later batches of its wave and every later wave
   * are not deployed. `cdktf deploy` always behaves so (it never starts a stack whose
   * dependency failed); false changes the CI definitions `cluster-profiles rollout plan` writes:
   * the rest of a wave goes on, and the next wave starts even when one failed.
   * @default true
   */
  readonly stopOnFailure?: boolean;
  /**
   * Where each stack keeps its state; a wave's own backend wins.
   * @default - cdktf's default, a local state file in each stack's folder
   */
  readonly backend?: FleetBackend;
}

/**
 * Many clusters moved to a profile version a few at a time. Each cluster is its own
 * `TerraformStack` (its own state), named after the cluster so that adding or reordering clusters
 * never changes an address. Waves are chained with stack dependencies (as `addDependency` makes
 * them, see {@link FleetStack}): every stack of a wave depends on every stack of the wave before it (and on its soak stack), and inside a wave each
 * batch of `maxParallel` stacks depends on the batch before it, so `cdktf deploy '*'` deploys the
 * canary first, then each wave, never more than `maxParallel` clusters of a wave at once,
 * whatever `--parallelism` says. Synth writes the rollout to `cdktf.out/fleet/<name>/rollout.json`.
 *
 * Stacks are created at the root of the app, since cdktf names a stack by its id and records its
 * dependencies by construct path: the two agree only for the app's children.
 */
export class Fleet extends Construct {
  /** The fleet's name. */
  public readonly fleetName: string;
  /** Whether a failure stops the rollout. */
  public readonly stopOnFailure: boolean;
  /** The waves, in order, with their clusters and batches. */
  public readonly waves: readonly PlannedWave[];
  private readonly clustersByName = new Map<string, { options: FleetClusterOptions; stack: TerraformStack; cluster: Cluster }>();
  private readonly soakStacks = new Map<string, TerraformStack>();
  private readonly synthesized = new WeakMap<object, Set<TerraformStack>>();

  constructor(scope: Construct, id: string, props: FleetProps) {
    super(scope, id);
    this.fleetName = props.name ?? id;
    this.stopOnFailure = props.stopOnFailure ?? true;
    const diagnostics = this.check(props);
    const planned = planWaves(
      this.node.path,
      props.clusters.map((c) => ({ name: c.name, labels: c.labels ?? {} })),
      props.waves,
      { maxParallel: props.maxParallel, soakSeconds: props.soakSeconds },
    );
    diagnostics.push(...planned.diagnostics, ...this.checkSoakStacks(planned.waves, props));
    if (diagnostics.length > 0) throw new ProfileError(diagnostics);
    this.waves = planned.waves;
    this.createStacks(props);
  }

  /** The cluster named `name`. */
  public cluster(name: string): Cluster {
    return this.entry(name).cluster;
  }

  /** The stack of the cluster named `name`. */
  public stack(name: string): TerraformStack {
    return this.entry(name).stack;
  }

  /** Every cluster, in rollout order. */
  public get clusters(): readonly Cluster[] {
    return this.waves.flatMap((w) => w.clusters.map((name) => this.cluster(name)));
  }

  /** The soak stack after wave `wave`, if that wave soaks. */
  public soakStack(wave: string): TerraformStack | undefined {
    return this.soakStacks.get(wave);
  }

  /** The rollout as written to `cdktf.out/fleet/<name>/rollout.json`. */
  public rollout(): RolloutDocument {
    return {
      apiVersion: ROLLOUT_API_VERSION,
      kind: 'Rollout',
      fleet: this.fleetName,
      stopOnFailure: this.stopOnFailure,
      waves: this.waves.map((wave) => this.waveEntry(wave)),
    };
  }

  private waveEntry(wave: PlannedWave): RolloutWave {
    const soak = this.soakStacks.get(wave.name);
    return {
      name: wave.name,
      canary: wave.canary,
      maxParallel: wave.maxParallel ?? null,
      stacks: [...wave.clusters],
      batches: wave.batches.map((b) => [...b]),
      soak: soak ? { stack: soak.node.id, seconds: wave.soakSeconds!, dependsOn: dependencyNames(soak) } : null,
      clusters: wave.batches.flatMap((batch, index) => batch.map((name) => this.clusterEntry(name, index + 1))),
    };
  }

  private clusterEntry(name: string, batch: number): RolloutCluster {
    const { options, stack, cluster } = this.entry(name);
    return {
      name,
      stack: stack.node.id,
      batch,
      labels: sortedRecord(options.labels ?? {}),
      profiles: cluster.attachedProfiles.map((p) => ({ name: p.profileName, version: p.version, type: p.type })),
      dependsOn: dependencyNames(stack),
      installPlan: `stacks/${stack.node.id}/clusters/${name}/install-plan.json`,
    };
  }

  private entry(name: string) {
    const entry = this.clustersByName.get(name);
    if (!entry) {
      ProfileError.throw(unknownFleetCluster(this.node.path, this.fleetName, name, [...this.clustersByName.keys()]));
    }
    return entry;
  }

  /** Names, duplicates and stack names already taken: everything but the waves. */
  private check(props: FleetProps): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const collect = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        if (!(e instanceof ProfileError)) throw e;
        diagnostics.push(...e.diagnostics);
      }
    };
    collect(() => checkName('fleet', this.fleetName, this.node.path));
    const root = this.node.root;
    const seen = new Set<string>();
    for (const cluster of props.clusters) {
      const at = `${this.node.path}/clusters/${cluster.name}`;
      collect(() => checkName('cluster', cluster.name, at));
      if (seen.has(cluster.name)) {
        diagnostics.push(duplicateFleetCluster(at, cluster.name, this.fleetName));
      } else if (root.node.tryFindChild(cluster.name)) {
        diagnostics.push(fleetStackNameTaken(at, cluster.name, root.node.tryFindChild(cluster.name)!.node.path));
      }
      seen.add(cluster.name);
    }
    for (const wave of props.waves) collect(() => checkName('wave', wave.name, `${this.node.path}/waves/${wave.name}`));
    return diagnostics;
  }

  /** A soak stack's name taken by a cluster or another stack of the app. */
  private checkSoakStacks(waves: readonly PlannedWave[], props: FleetProps): Diagnostic[] {
    const taken = new Set([...props.clusters.map((c) => c.name), ...this.node.root.node.children.map((c) => c.node.id)]);
    return waves
      .filter((w) => w.soakSeconds !== undefined && taken.has(this.soakStackName(w.name)))
      .map((w) => soakStackNameTaken(`${this.node.path}/waves/${w.name}`, w.name, this.soakStackName(w.name)));
  }

  private soakStackName(wave: string): string {
    return `${this.fleetName}-soak-${wave}`;
  }

  private createStacks(props: FleetProps): void {
    const root = this.node.root;
    const options = new Map(props.clusters.map((c) => [c.name, c]));
    const waveOptions = new Map(props.waves.map((w) => [w.name, w]));
    let previous: TerraformStack[] = [];
    for (const wave of this.waves) {
      const backend = waveOptions.get(wave.name)?.backend ?? props.backend;
      const inWave: FleetStack[] = [];
      let previousBatch: FleetStack[] = [];
      for (const batch of wave.batches) {
        const stacks = batch.map((name) => this.createCluster(root, options.get(name)!, wave.name, backend));
        for (const stack of stacks) stack.dependOnEarlier([...previous, ...previousBatch]);
        inWave.push(...stacks);
        previousBatch = stacks;
      }
      previous = inWave;
      if (wave.soakSeconds !== undefined) {
        const soak = new FleetStack(root, this.soakStackName(wave.name));
        backend?.apply(soak, { fleet: this.fleetName, wave: wave.name, stack: soak.node.id });
        addSoak(soak, wave.name, wave.soakSeconds, this.runs(wave));
        soak.dependOnEarlier(inWave);
        this.register(soak);
        this.soakStacks.set(wave.name, soak);
        previous = [...inWave, soak];
      }
    }
  }

  private createCluster(root: Construct, options: FleetClusterOptions, wave: string, backend: FleetBackend | undefined): FleetStack {
    const stack = new FleetStack(root, options.name);
    backend?.apply(stack, { fleet: this.fleetName, wave, stack: options.name, cluster: options.name });
    const cluster = new Cluster(stack, options.name, {
      connection: options.connection,
      profiles: options.profiles,
      installOrder: options.installOrder,
      protectedLayers: options.protectedLayers,
    });
    for (const [layer, values] of Object.entries(options.values ?? {})) cluster.setValues(layer, values);
    if (options.variables) cluster.setVariables(options.variables);
    if (options.macros) cluster.setMacros(options.macros);
    this.clustersByName.set(options.name, { options, stack, cluster });
    this.register(stack);
    return stack;
  }

  /** What each cluster of a wave runs, as `name@version` of its profiles: the soak's trigger. */
  private runs(wave: PlannedWave): Record<string, string[]> {
    return Object.fromEntries(wave.clusters.map((name) => [name, this.cluster(name).attachedProfiles.map((p) => `${p.profileName}@${p.version}`)]));
  }

  /**
   * Writes rollout.json once every stack of the fleet was synthesized in this session: the
   * clusters of the whole app were planned before the first stack was written (see Cluster), so
   * the document appears only for a synth that succeeded.
   */
  private register(stack: TerraformStack): void {
    afterStackSynthesis(stack, (session: ISynthesisSession) => {
      let done = this.synthesized.get(session);
      if (!done) this.synthesized.set(session, (done = new Set()));
      done.add(stack);
      if (done.size === this.clustersByName.size + this.soakStacks.size) this.writeRollout(session.outdir);
    });
  }

  private writeRollout(outdir: string): void {
    const file = path.join(outdir, 'fleet', this.fleetName, 'rollout.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, serializeRolloutDocument(this.rollout()));
    fs.renameSync(temporary, file);
  }
}

function dependencyNames(stack: TerraformStack): string[] {
  return stack.dependencies.map((s) => s.node.id).sort();
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
