import { Construct } from 'constructs';
import { checkName, checkSemver } from '../names';
import { HelmLayer, HelmLayerProps } from '../layer/helm-layer';
import { Layer } from '../layer/layer';
import { ProfileSpec, ProfileType } from '../model/profile';

export { ProfileSpec, ProfileType } from '../model/profile';
import { ManifestLayer, ManifestLayerProps } from '../layer/manifest-layer';
import { PackLayer, PackLayerProps } from '../layer/pack-layer';
import { checkFreeId, guardId } from '../construct-id';
import { ProfileError } from '../errors';
import { cloneValues, Values } from '../values/merge';
import { checkVariableDefinition, VariableDefinition } from './variable';
import { isWaiterGate, Readiness, resolveReadiness } from '../readiness/readiness';
import { duplicateVariable, helmGateOnGroup, invalidGroupPriority, withField } from '../diagnostics';


/** Props every profile takes. */
export interface ProfileProps {
  /**
   * The profile's name. Several versions of one profile share it.
   * @default - the construct id
   */
  readonly name?: string;
  /** The profile's version: strict semver (`1.0.0`, `1.2.3-rc.1`). */
  readonly version: string;
  /**
   * What the profile is for.
   * @default - none
   */
  readonly description?: string;
  /**
   * Profile variables, referenced from values as `{{.spectro.var.<name>}}`; more can be added
   * with {@link Profile.addVariable}.
   * @default - none
   */
  readonly variables?: readonly VariableDefinition[];
}


/**
 * A named, versioned set of layers. A profile is a definition: it emits nothing until a
 * {@link Cluster} runs it, and one profile serves any number of clusters, in any stacks. Create
 * it outside the stacks (under the App) when clusters in several stacks share it.
 */
export abstract class Profile extends Construct {
  /** Whether `x` is a profile. */
  static isProfile(x: unknown): x is Profile {
    return typeof x === 'object' && x !== null && (x as { [PROFILE_SYMBOL]?: true })[PROFILE_SYMBOL] === true;
  }

  /** The profile's name. */
  public readonly profileName: string;
  /** The profile's version. */
  public readonly version: string;
  /** What the profile is for. */
  public readonly description?: string;
  /** infra, addon or full. */
  public abstract readonly type: ProfileType;
  private readonly valueOverrides = new Map<string, Values[]>();
  private readonly variableList: VariableDefinition[] = [];
  private readonly groupGates = new Map<number, Readiness[]>();

  protected constructor(scope: Construct, id: string, props: ProfileProps) {
    checkFreeId(scope, id, 'profile');
    super(scope, id);
    guardId(this, 'profile');
    Object.defineProperty(this, PROFILE_SYMBOL, { value: true });
    this.profileName = props.name ?? id;
    this.version = props.version;
    this.description = props.description;
    checkName('profile', this.profileName, this.node.path);
    checkSemver(props.version, this.node.path, 'profile version');
    for (const variable of props.variables ?? []) this.addVariable(variable);
  }

  /** The profile's variables, in declaration order. */
  public get variables(): readonly VariableDefinition[] {
    return [...this.variableList];
  }

  /** Declares a profile variable. Returns this profile. */
  public addVariable(variable: VariableDefinition): this {
    checkVariableDefinition(variable, this.node.path);
    if (this.variableList.some((v) => v.name === variable.name)) {
      ProfileError.throw(duplicateVariable(this.node.path, variable.name));
    }
    this.variableList.push({ ...variable });
    return this;
  }

  /**
   * Gates for an install-priority group, as Palette waits for each group before the next: the
   * profile's add-on layers of a higher priority start only when every layer of `priority` is
   * installed and these gates pass. Waiter gates only (`condition`, `jsonPath`, `exists`,
   * `crdsEstablished`): Helm's own wait is per release. Name each object's namespace, since the
   * group's layers may install into different ones. Returns this profile.
   */
  public addGroupReadiness(priority: number, ...gates: Readiness[]): this {
    const at = withField(this.node.path, `group readiness, priority ${priority}`);
    if (!Number.isInteger(priority)) ProfileError.throw(invalidGroupPriority(at, priority));
    resolveReadiness(gates, 1, at).forEach((gate, i) => {
      if (!isWaiterGate(gate)) {
        ProfileError.throw(helmGateOnGroup(at, i, gate.kind));
      }
    });
    this.groupGates.set(priority, [...(this.groupGates.get(priority) ?? []), ...gates]);
    return this;
  }

  /** The profile's layers, in declaration order. */
  public get layers(): Layer[] {
    return this.node.children.filter(Layer.isLayer);
  }

  /** Adds a layer installed from a Helm chart. */
  public addHelmLayer(id: string, props: HelmLayerProps): HelmLayer {
    return new HelmLayer(this, id, props);
  }

  /** Adds a layer of raw Kubernetes objects. */
  public addManifestLayer(id: string, props: ManifestLayerProps): ManifestLayer {
    return new ManifestLayer(this, id, props);
  }

  /**
   * A new profile (another name, or a new version of this one) with copies of this profile's
   * layers, value overrides and variables. The clone is independent afterwards: layers added to
   * or values set on either do not reach the other.
   */
  public clone(scope: Construct, id: string, props: ProfileProps): this {
    const copy = new (this.constructor as new (s: Construct, i: string, p: ProfileProps) => this)(scope, id, {
      name: props.name ?? this.profileName,
      version: props.version,
      description: props.description ?? this.description,
      variables: props.variables ?? this.variables,
    });
    for (const layer of this.layers) layer.copyTo(copy);
    for (const [layer, overrides] of this.valueOverrides) for (const values of overrides) copy.setValues(layer, cloneValues(values));
    for (const [priority, gates] of this.groupGates) copy.addGroupReadiness(priority, ...gates);
    return copy;
  }

  /** Adds a layer made from a pack of a registry; its role comes from the pack. */
  public addPackLayer(id: string, props: PackLayerProps): PackLayer {
    return new PackLayer(this, id, props);
  }

  /**
   * Overrides values of one of this profile's layers, above the layer's own values and below a
   * cluster's. Calls accumulate, later ones winning. Returns this profile.
   */
  public setValues(layer: Layer | string, values: Values): this {
    const name = typeof layer === 'string' ? layer : layer.layerName;
    this.valueOverrides.set(name, [...(this.valueOverrides.get(name) ?? []), values]);
    return this;
  }

  /** The profile as plain data for planning. */
  public toSpec(): ProfileSpec {
    return {
      name: this.profileName,
      version: this.version,
      type: this.type,
      path: this.node.path,
      layers: this.layers.map((l) => l.toSpec()),
      values: new Map([...this.valueOverrides].map(([k, v]) => [k, [...v]])),
      variables: this.variables,
      ...(this.groupGates.size > 0
        ? { groupReadiness: [...this.groupGates].sort(([a], [b]) => a - b).map(([priority, gates]) => ({ priority, gates: resolveReadiness(gates, 1, this.node.path) })) }
        : {}),
    };
  }
}

const PROFILE_SYMBOL = Symbol.for('cdktf-cluster-profiles.Profile');
