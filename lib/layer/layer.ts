import { Construct } from 'constructs';
import { checkFreeId, guardId } from '../construct-id';
import { ProfileError } from '../errors';
import { checkName } from '../names';
import { cloneValues, Values } from '../values/merge';
import { parseValuesYaml } from '../values/yaml';
import { ReleaseOptions, resolveReleaseOptions } from './release-options';
import { INFRA_ROLES, InfraRole, LayerKind, LayerSpec } from '../model/layer';
import { DriftOptions, resolveDriftOptions } from '../drift/drift-options';
import { Readiness, resolveReadiness } from '../readiness/readiness';
import { withHelmGates } from '../readiness/layer-gates';
import { invalidLayerPriority, unknownInfraRole, valuesNotAMap } from '../diagnostics';

export { INFRA_ROLES, InfraRole, LayerKind, LayerSpec, PackSpec } from '../model/layer';


/** Options every layer takes. */
export interface LayerOptions {
  /**
   * The layer's name, unique on every cluster it lands on; Terraform addresses are made from it.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The namespace the layer installs into.
   * @default "default"
   */
  readonly namespace?: string;
  /**
   * Create the namespace when it does not exist. Helm never deletes it, so objects left in it
   * outlive the layer.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * The Helm release name.
   * @default - the layer name
   */
  readonly releaseName?: string;
  /**
   * Palette's install priority among the add-on layers of one profile: lower installs first, and
   * layers of equal priority install together.
   * @default 0
   */
  readonly priority?: number;
  /**
   * Layers that must be installed before this one, by construct or by name, on any profile
   * attached to the same cluster.
   * @default - none
   */
  readonly dependsOn?: ReadonlyArray<Layer | string>;
  /**
   * How Helm installs, upgrades and rolls back the release.
   * @default - see {@link ReleaseOptions}
   */
  readonly release?: ReleaseOptions;
  /**
   * Refuse to destroy the layer's releases (Terraform `prevent_destroy`): a `cdktf destroy`, or
   * a change that would replace them, fails instead. To guard against removing the layer from
   * code as well, list it in the cluster's `protectedLayers`.
   * @default false
   */
  readonly protect?: boolean;
  /**
   * How `cluster-profiles drift` compares the layer's objects with the cluster: fields to ignore
   * because something else owns them (an autoscaler's `/spec/replicas`), as JSON pointers.
   * @default - every field the layer's manifests set is compared
   */
  readonly drift?: DriftOptions;
  /**
   * What must be ready on the cluster before the layers after this one start: Helm's wait
   * (`Readiness.workloads()`, `Readiness.jobsComplete()`), CRDs established, or a named object's
   * condition, JSONPath value or existence (see the README, "Readiness gates").
   * @default - Helm's wait for the layer's workloads; CRDs established when another layer uses them
   */
  readonly readiness?: ReadonlyArray<Readiness>;
}

/**
 * One installable unit of a profile. Layers are constructs whose scope is their profile; they
 * emit nothing themselves: a {@link Cluster} plans and emits the layers of the profiles it runs.
 */
export abstract class Layer extends Construct {
  /** Whether `x` is a layer. */
  static isLayer(x: unknown): x is Layer {
    return typeof x === 'object' && x !== null && (x as { [LAYER_SYMBOL]?: true })[LAYER_SYMBOL] === true;
  }

  /** How the layer is delivered. */
  public abstract readonly kind: LayerKind;
  protected readonly options: LayerOptions;
  private readonly declaredRole?: InfraRole;
  private readonly extraDependencies: Array<Layer | string> = [];

  protected constructor(scope: Construct, id: string, options: LayerOptions, role?: InfraRole) {
    checkFreeId(scope, id, 'layer');
    super(scope, id);
    guardId(this, 'layer');
    Object.defineProperty(this, LAYER_SYMBOL, { value: true });
    this.options = options;
    this.declaredRole = role;
    checkLayerOptions({ ...options, name: options.name ?? id }, role, this.node.path);
  }

  /** The layer's name, unique on a cluster. */
  public get layerName(): string {
    return this.options.name ?? this.node.id;
  }

  /** The layer's infrastructure role, if it is an infra layer. */
  public get role(): InfraRole | undefined {
    return this.declaredRole;
  }

  /** Declares that this layer installs after `layers` (by construct or name). Returns this layer. */
  public addDependency(...layers: Array<Layer | string>): this {
    this.extraDependencies.push(...layers);
    return this;
  }

  /**
   * Declares the same layer in another profile: same kind, id and props, with dependencies by
   * name and values deep-copied, so the copy changes independently. Used by `Profile.clone`.
   */
  public copyTo(profile: Construct): Layer {
    const options = this.declaredOptions as LayerOptions & { values?: unknown };
    const copy = new (this.constructor as new (scope: Construct, id: string, props: object) => Layer)(profile, this.node.id, {
      ...options,
      values: cloneValues(options.values),
      dependsOn: (options.dependsOn ?? []).map((d) => (typeof d === 'string' ? d : d.layerName)),
    });
    copy.addDependency(...this.extraDependencies.map((d) => (typeof d === 'string' ? d : d.layerName)));
    return copy;
  }

  /**
   * The options the layer was declared with, as given: no defaults applied, and for a pack layer
   * nothing taken from the pack's `pack:` settings. Profile documents record these, so that
   * `importProfile` declares the layer again the same way.
   */
  public get declaredOptions(): LayerOptions {
    return this.options;
  }

  /**
   * Reads what the layer refers to (a pack from its registry, manifest files), once; throws
   * what is wrong there. The synth pass calls it for every layer before planning; nothing else
   * needs to, as a layer reads on first use too.
   */
  public resolve(): void {}

  /**
   * The options planning uses: the declared ones, and for a pack layer what its pack's `pack:`
   * settings add to them.
   */
  protected plannedOptions(): LayerOptions {
    return this.options;
  }

  /** The layer as plain data for planning. */
  public toSpec(): LayerSpec {
    const options = this.plannedOptions();
    return {
      name: this.layerName,
      path: this.node.path,
      kind: this.kind,
      role: this.role,
      namespace: options.namespace ?? 'default',
      createNamespace: options.createNamespace ?? true,
      releaseName: options.releaseName ?? this.layerName,
      priority: options.priority ?? 0,
      dependsOn: [...(options.dependsOn ?? []), ...this.extraDependencies].map((d) => (typeof d === 'string' ? d : d.layerName)),
      values: {},
      ...withHelmGates(resolveReleaseOptions(options.release), options.readiness, this.node.path),
      protect: options.protect ?? false,
      drift: resolveDriftOptions(options.drift, this.node.path),
      ...this.specifics(),
    };
  }

  /** The kind-specific part of {@link toSpec}. */
  protected abstract specifics(): Partial<LayerSpec>;
}

const LAYER_SYMBOL = Symbol.for('cdktf-cluster-profiles.Layer');

/** The checks of a layer's own options: names, priority, role. `options.name` is the layer's name. */
export function checkLayerOptions(options: LayerOptions & { readonly name: string }, role: string | undefined, path: string): void {
  checkName('layer', options.name, path);
  if (options.namespace !== undefined) checkName('namespace', options.namespace, path);
  if (options.releaseName !== undefined) checkName('release', options.releaseName, path);
  if (options.priority !== undefined && !Number.isInteger(options.priority)) {
    ProfileError.throw(invalidLayerPriority(path, options.priority));
  }
  resolveDriftOptions(options.drift, path);
  resolveReadiness(options.readiness, resolveReleaseOptions(options.release).timeoutSeconds, path);
  if (role !== undefined && !(INFRA_ROLES as readonly string[]).includes(role)) {
    ProfileError.throw(unknownInfraRole(path, role, INFRA_ROLES));
  }
}

/** Values given as an object or as YAML text, checked where they are declared. */
export function readValues(values: Values | string | undefined, where: string): Values {
  if (values === undefined) return {};
  if (typeof values === 'string') return parseValuesYaml(values, where);
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    ProfileError.throw(valuesNotAMap(where));
  }
  return values;
}
