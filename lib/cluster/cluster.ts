import * as fs from 'fs';
import * as path from 'path';
import { Aspects, DefaultTokenResolver, IAspect, ISynthesisSession, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { writeProfileDocuments } from '../document/write-documents';
import { checkFreeId, guardId } from '../construct-id';
import { ProfileError } from '../errors';
import { Layer } from '../layer/layer';
import { HelmLayer } from '../layer/helm-layer';
import { PackLayer } from '../layer/pack-layer';
import { checkName } from '../names';
import { Profile } from '../profile/profile';
import { Values } from '../values/merge';
import { mayHoldTokens } from './document-values';
import { VariableValue } from '../profile/variable';
import { writeChart } from './chart-files';
import { ClusterConnection } from './connection';
import { withCompactStacks } from './compact-stacks';
import { emitCluster, EmittedCluster } from './emit';
import { afterStackSynthesis, beforeStackSynthesis } from './stack-synthesis';
import { installPlanDocument } from './install-plan-document';
import { ClusterSpec, InstallOrder, InstallPlan, planCluster, PlanResult } from './plan';
import { PlanMemo } from './plan-memo';
import { documentClusters, resolveLayers, runPassBefore, runSynthPass, uniqueDiagnostics } from './synth-pass';
import type { ProfileSpec } from '../model/profile';
import { clusterWithoutConnection, notAProfile, profileAttachedTwice, twoInfraProfiles } from '../diagnostics';

/** Props of a {@link Cluster}. */
export interface ClusterProps {
  /**
   * The cluster's name: the alias of its providers and the prefix of its Terraform addresses.
   * @default - the construct id
   */
  readonly name?: string;
  /** How Terraform reaches the cluster's API server. */
  readonly connection: ClusterConnection;
  /**
   * Profiles to attach now, in order; {@link Cluster.attach} adds more.
   * @default - none
   */
  readonly profiles?: readonly Profile[];
  /**
   * `dag` installs layers in parallel wherever no dependency joins them; `sequential` installs
   * them one at a time in plan order.
   * @default "dag"
   */
  readonly installOrder?: InstallOrder;
  /**
   * Layers that must stay installed on this cluster: Terraform refuses to destroy them, and synth
   * fails if no attached profile has them any more, instead of letting the deploy uninstall them.
   * @default - none
   */
  readonly protectedLayers?: readonly string[];
}

/**
 * A Kubernetes cluster that runs profiles: at most one infra or full profile and any number of
 * add-on profiles. At synth it plans its layers (order, values, checks) and emits one aliased
 * helm provider and one `helm_release` per layer, with `depends_on` edges that keep the order.
 * It writes its install plan to `cdktf.out/stacks/<stack>/clusters/<name>/install-plan.json`.
 */
export class Cluster extends Construct {
  /** Whether `x` is a cluster. */
  static isCluster(x: unknown): x is Cluster {
    return typeof x === 'object' && x !== null && (x as { [CLUSTER_SYMBOL]?: true })[CLUSTER_SYMBOL] === true;
  }

  /** The cluster's name. */
  public readonly clusterName: string;
  private readonly connection: ClusterConnection;
  private readonly installOrder: InstallOrder;
  private readonly protectedLayers: readonly string[];
  private readonly profiles: Profile[] = [];
  private readonly valueOverrides = new Map<string, Values[]>();
  private readonly variableValues = new Map<string, VariableValue>();
  private readonly macroValues: Record<string, string> = {};
  private emitted?: { plan: InstallPlan } & EmittedCluster;

  constructor(scope: Construct, id: string, props: ClusterProps) {
    checkFreeId(scope, id, 'Cluster');
    super(scope, id);
    guardId(this, 'Cluster');
    Object.defineProperty(this, CLUSTER_SYMBOL, { value: true });
    this.clusterName = props.name ?? id;
    checkName('cluster', this.clusterName, this.node.path);
    if (!(props.connection instanceof ClusterConnection)) {
      ProfileError.throw(clusterWithoutConnection(this.node.path));
    }
    TerraformStack.of(this); // fails early, with cdktf's message, when the cluster is outside a stack
    this.connection = props.connection;
    this.installOrder = props.installOrder ?? 'dag';
    this.protectedLayers = [...(props.protectedLayers ?? [])];
    for (const profile of props.profiles ?? []) this.attach(profile);
    // The app's one synth pass must run before the first stack is written, whichever it is.
    runPassBefore([...this.node.root.node.children.filter(TerraformStack.isStack), TerraformStack.of(this)]);
    Aspects.of(this).add(new EmitOnce(this));
    beforeStackSynthesis(TerraformStack.of(this), () => this.emit());
    afterStackSynthesis(TerraformStack.of(this), (session) => this.writeFiles(session));
  }

  /**
   * Attaches a profile. An infra or full profile may be attached once, and only one of them;
   * add-on profiles install in the order they are attached, after the infra layers.
   * Returns this cluster.
   */
  public attach(profile: Profile): this {
    if (!Profile.isProfile(profile)) ProfileError.throw(notAProfile(this.node.path));
    if (this.profiles.includes(profile)) ProfileError.throw(profileAttachedTwice(this.node.path, profile.profileName, profile.version));
    const base = this.profiles.find((p) => p.type !== 'addon');
    if (profile.type !== 'addon' && base) {
      const describe = (p: Profile) => `${p.type} profile "${p.profileName}" ${p.version}`;
      ProfileError.throw(twoInfraProfiles(this.node.path, this.clusterName, describe(base), describe(profile)));
    }
    if (profile.type === 'addon') this.profiles.push(profile);
    else this.profiles.unshift(profile);
    return this;
  }

  /**
   * Overrides values of one layer on this cluster only, above the layer's and the profile's.
   * Calls accumulate, later ones winning. Returns this cluster.
   */
  public setValues(layer: Layer | string, values: Values): this {
    const name = typeof layer === 'string' ? layer : layer.layerName;
    this.valueOverrides.set(name, [...(this.valueOverrides.get(name) ?? []), values]);
    return this;
  }

  /**
   * Gives values to profile variables (`{{.spectro.var.<name>}}`) of the attached profiles:
   * literals, Terraform expressions, or `SensitiveValue`s for sensitive variables. Calls
   * accumulate. Returns this cluster.
   */
  public setVariables(values: Readonly<Record<string, VariableValue>>): this {
    for (const [name, value] of Object.entries(values)) this.variableValues.set(name, value);
    return this;
  }

  /** Sets user macros (`{{ .spectro.macro.<name> }}`) for this cluster. Returns this cluster. */
  public setMacros(values: Readonly<Record<string, string>>): this {
    Object.assign(this.macroValues, values);
    return this;
  }

  /** The profiles attached, infra or full first. */
  public get attachedProfiles(): readonly Profile[] {
    return [...this.profiles];
  }

  /** The cluster as plain data for planning. */
  public toSpec(): ClusterSpec {
    return this.specWith((p) => p.toSpec());
  }

  /**
   * The cluster as plain data, with each profile's spec from `profileSpec`: the synth pass makes
   * the spec of a profile once, however many clusters run it.
   * @internal
   */
  public specWith(profileSpec: (profile: Profile) => ProfileSpec): ClusterSpec {
    return {
      name: this.clusterName,
      path: this.node.path,
      profiles: this.profiles.map(profileSpec),
      values: new Map([...this.valueOverrides].map(([k, v]) => [k, [...v]])),
      installOrder: this.installOrder,
      stack: TerraformStack.of(this).node.id,
      variables: new Map(this.variableValues),
      macros: { ...this.macroValues },
      protectedLayers: this.protectedLayers,
    };
  }

  /** Plans the cluster: its layers in install order, with merged values. Throws every problem found. */
  public plan(): InstallPlan {
    const result = this.tryPlan();
    if (!result.plan) throw new ProfileError(result.diagnostics);
    return result.plan;
  }

  /**
   * Plans the cluster and returns the diagnostics instead of throwing them. Each call plans
   * anew from the definitions as they are now; synth plans once, in the app's synth pass.
   */
  public tryPlan(): PlanResult {
    // Outside a synth no pass resolved the layers (a local chart is checked on disk there):
    // resolve this cluster's now, so a plan reports what a synth would.
    const unresolved = resolveLayers(this.profiles.flatMap((p) => p.layers));
    const { result } = this.planWith((p) => p.toSpec());
    return unresolved.length === 0 ? result : { diagnostics: uniqueDiagnostics([...unresolved, ...result.diagnostics]) };
  }

  /**
   * Plans with profile specs from `profileSpec` and what `memo` already planned for other
   * clusters of the synth; returns the spec too, which the install plan document reads.
   * @internal
   */
  public planWith(profileSpec: (profile: Profile) => ProfileSpec, memo?: PlanMemo): { spec?: ClusterSpec; result: PlanResult } {
    let spec: ClusterSpec;
    try {
      spec = this.specWith(profileSpec);
    } catch (e) {
      // Resolving a pack layer's constraint can fail; that is a diagnostic like any other.
      if (e instanceof ProfileError) return { result: { diagnostics: e.diagnostics } };
      throw e;
    }
    return { spec, result: planCluster(spec, { isExpression, memo }) };
  }

  /** Emits the cluster's Terraform elements, once, after the app's synth pass found no problem. */
  public emit(): void {
    if (this.emitted) return;
    // A cluster made after the pass ran (between two Testing.synth calls) plans on its own.
    const pass = runSynthPass(this.node.root);
    const plan = pass.plans.get(this) ?? this.plan();
    // Tokens made here record their stack from here up, not cdktf's synth frames below (see compact-stacks.ts).
    const emitted = withCompactStacks(() => emitCluster(this, this.clusterName, this.connection.settings, plan, pass.releaseValues));
    this.emitted = { plan, ...emitted };
  }

  private writeFiles(session: ISynthesisSession): void {
    if (!this.emitted) return;
    const stack = TerraformStack.of(this);
    const stackDirectory = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
    const clusterDirectory = path.join(stackDirectory, 'clusters', this.clusterName);
    fs.rmSync(clusterDirectory, { recursive: true, force: true });
    for (const layer of this.emitted.layers.values()) {
      for (const chart of layer.charts) writeChart(chart.files, path.join(stackDirectory, chart.directory));
    }
    for (const gates of this.emitted.gateFiles) {
      fs.mkdirSync(path.dirname(path.join(stackDirectory, gates.path)), { recursive: true });
      fs.writeFileSync(path.join(stackDirectory, gates.path), gates.content);
    }
    // cdktf's resolver copies every tree it is given, which cost 100-170 ms at 100 clusters x 30
    // layers (bench/); most values hold no token, and those are written as they are.
    const resolve = (value: unknown) =>
      mayHoldTokens(value) ? Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }) : value;
    const pass = runSynthPass(this.node.root);
    const profiles = (pass.specs.get(this) ?? this.toSpec()).profiles;
    const shownValues = (values: Values): unknown => pass.documentValues.of(values, resolve);
    const document = installPlanDocument(this.emitted.plan, profiles, this.emitted.layers, resolve, this.connection.settings, shownValues);
    fs.mkdirSync(clusterDirectory, { recursive: true });
    fs.writeFileSync(path.join(clusterDirectory, 'install-plan.json'), `${JSON.stringify(document, null, 2)}\n`);
    writeProfileDocuments(session, this.profiles, () => documentClusters(this.node.root.node.findAll().filter(Cluster.isCluster), pass.specs), pass.yaml);
    // Synth succeeded (every cluster planned before any file was written): now the lockfile may change.
    // Pack layers and Helm layers whose train or range was resolved pin versions in a catalog's lockfile.
    const catalogs = new Set(this.profiles.flatMap((p) => p.layers.map((l) => (l instanceof PackLayer || l instanceof HelmLayer ? l.catalog : undefined)).filter((c) => c !== undefined)));
    for (const catalog of catalogs) catalog.saveLockfile();
  }
}

/** Cdktf's public test for a token: a string Terraform evaluates at deploy. */
const isExpression = (value: string): boolean => Token.isUnresolved(value);

const CLUSTER_SYMBOL = Symbol.for('cdktf-cluster-profiles.Cluster');
class EmitOnce implements IAspect {
  constructor(private readonly cluster: Cluster) {}
  visit(node: IConstruct): void {
    if (node === this.cluster) this.cluster.emit();
  }
}
