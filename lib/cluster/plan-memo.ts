import type { Diagnostic } from '../errors';
import type { LayerSpec } from '../model/layer';
import type { InstallOrder, PlannedLayer } from '../model/plan';
import type { ProfileSpec } from '../model/profile';
import type { PlanStructure } from './plan-structure';
import type { MergedValues, Values } from '../values/merge';

/**
 * What planning may reuse from one cluster to the next within one synth. Clusters that run the
 * same profiles mostly differ in a few cluster overrides, yet each used to check and order the
 * profiles and merge and check every layer's values anew: at 100 clusters x 30 layers that was
 * most of planning's time and one copy of every values tree per cluster (bench/,
 * `npx tsx bench/profile.ts`). Reused: the plan's structure (see plan-structure.ts) per list of
 * profile specs and install order, a layer's merged values when the cluster does not override
 * them, and a pack layer's value checks for the same values tree.
 *
 * Structures are keyed by the identity of the profile specs, values by the layer's spec: a {@link LayerSpec} belongs to exactly one profile
 * spec, made together with it, and specs are readonly data, so what is computed from a layer
 * spec and its profile spec stays true as long as the memo lives. The owner (the synth pass)
 * makes one per synth; a memo is never shared between synths, when the declarations may have
 * changed. Results are shared between plans, so nothing downstream may change them (plans are
 * readonly).
 */
export class PlanMemo {
  private readonly structures = new Map<string, PlanStructure>();
  private readonly profileIds = new WeakMap<ProfileSpec, number>();
  private nextId = 0;
  private readonly merged = new WeakMap<LayerSpec, MergedValues>();
  private readonly planned = new WeakMap<LayerSpec, { structure: PlanStructure; values: MergedValues; protect: boolean; layer: PlannedLayer }>();
  private readonly packChecks = new WeakMap<LayerSpec, { values: Values; result: PackCheck }>();

  /** The structure of a plan of `profiles` (the same spec objects, in order) in `installOrder`, made once. */
  public structure(profiles: readonly ProfileSpec[], installOrder: InstallOrder, plan: () => PlanStructure): PlanStructure {
    const key = `${installOrder}:${profiles.map((p) => this.idOf(p)).join(',')}`;
    let found = this.structures.get(key);
    if (!found) this.structures.set(key, (found = plan()));
    return found;
  }

  /** The layer's values merged from its own sources (no cluster override), computed once. */
  public mergedValues(layer: LayerSpec, merge: () => MergedValues): MergedValues {
    let found = this.merged.get(layer);
    if (!found) this.merged.set(layer, (found = merge()));
    return found;
  }

  /**
   * The planned layer, made once for the same structure, merged values (the same trees, so the
   * same overrides and expression results, and the same sections a pack drops) and protection:
   * then nothing of it differs.
   */
  public plannedLayer(structure: PlanStructure, layer: LayerSpec, values: MergedValues, protect: boolean, plan: () => PlannedLayer): PlannedLayer {
    const found = this.planned.get(layer);
    if (found && found.structure === structure && found.values.values === values.values && found.values.provenance === values.provenance && found.protect === protect) {
      return found.layer;
    }
    const planned = plan();
    this.planned.set(layer, { structure, values, protect, layer: planned });
    return planned;
  }

  private idOf(profile: ProfileSpec): number {
    let id = this.profileIds.get(profile);
    if (id === undefined) this.profileIds.set(profile, (id = this.nextId++));
    return id;
  }

  /** The pack checks of a layer's final values, computed once for the same values tree. */
  public packCheck(layer: LayerSpec, values: Values, check: () => PackCheck): PackCheck {
    const found = this.packChecks.get(layer);
    if (found && found.values === values) return found.result;
    const result = check();
    this.packChecks.set(layer, { values, result });
    return result;
  }
}

/** What checking a pack layer's values finds: problems, and the sections Palette drops. */
export interface PackCheck {
  readonly diagnostics: readonly Diagnostic[];
  readonly ignored: readonly string[];
}
