import { Diagnostic } from '../errors';
import type { LayerGraph } from '../graph/layer-graph';
import { kindKey } from '../layer/object-kinds';
import type { LayerSpec } from '../model/layer';
import type { ProfileSpec } from '../model/profile';
import { kindName, LayerKinds, layerKinds } from './kinds';
import { describeObject, ReadinessGate } from './readiness';
import { crdsUnknown, gateObjectUnknown, groupWithoutLayers } from '../diagnostics';

/**
 * What planning does with readiness: edges from the layer that defines a CRD to every layer that
 * creates objects of its kind, the checks of gates that can be judged at synth, and each layer's
 * full list of gates. Pure, over plain layer specs.
 */

/** The kinds of every layer of a cluster, read once per plan. */
export function kindsOf(layers: readonly LayerSpec[]): Map<string, LayerKinds> {
  return new Map(layers.map((l) => [l.name, layerKinds(l)]));
}

/**
 * Adds an edge `definer -> user` (reason `crd`) for every kind a layer uses whose CRD another
 * layer of the cluster defines. Returns, by definer, the names of its CRDs that others use, in
 * the order found: these are the CRDs its automatic gate waits for.
 */
export function addCrdEdges(graph: LayerGraph, layers: readonly LayerSpec[], kinds: ReadonlyMap<string, LayerKinds>): Map<string, string[]> {
  const definers = new Map<string, { layer: string; crd: string }>();
  for (const layer of layers) {
    for (const [kind, crd] of kinds.get(layer.name)!.defines) if (!definers.has(kind)) definers.set(kind, { layer: layer.name, crd });
  }
  const consumed = new Map<string, string[]>();
  for (const layer of layers) {
    for (const kind of kinds.get(layer.name)!.uses) {
      const definer = definers.get(kind);
      if (!definer || definer.layer === layer.name) continue;
      graph.addEdge({ from: definer.layer, to: layer.name, reason: { kind: 'crd', crdKind: kindName(kind) } });
      const names = consumed.get(definer.layer) ?? [];
      if (!names.includes(definer.crd)) consumed.set(definer.layer, [...names, definer.crd]);
    }
  }
  return consumed;
}

/**
 * Gates that can be judged at synth: a manifest layer's gate must name one of its own documents
 * (nothing else creates objects there), and a CRD gate must find or be given CRDs.
 */
export function checkGates(layer: LayerSpec, kinds: LayerKinds): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ownDocumentsOnly = layer.kind === 'manifest' && !layer.pack;
  (layer.readiness ?? []).forEach((gate, i) => {
    if (gate.kind === 'crdsEstablished' && gate.names.length === 0 && kinds.defines.size === 0) {
      diagnostics.push(crdsUnknown(layer.path, i, layer.name));
    }
    if (!ownDocumentsOnly || !('object' in gate)) return;
    const o = gate.object;
    const namespace = o.namespace ?? layer.namespace;
    const documents = layer.documents ?? [];
    const found = documents.some(
      (d) => kindKey(d.apiVersion, d.kind) === kindKey(o.apiVersion, o.kind) && d.metadata.name === o.name && (d.metadata.namespace ?? layer.namespace) === namespace,
    );
    if (found || (o.namespace === undefined && documents.some((d) => d.kind === o.kind && d.metadata.name === o.name && d.kind === 'CustomResourceDefinition'))) return;
    const objects = documents.map((d) => `${d.kind} ${d.metadata.namespace ?? layer.namespace}/${d.metadata.name}`);
    diagnostics.push(gateObjectUnknown(layer.path, i, gate.kind, describeObject({ ...o, namespace }), layer.name, objects, o.name, documents.map((d) => d.metadata.name)));
  });
  return diagnostics;
}

/**
 * A group gate must have its group: an add-on layer of that priority in the same profile.
 */
export function checkGroupGates(profiles: readonly ProfileSpec[]): Diagnostic[] {
  return profiles.flatMap((profile) =>
    (profile.groupReadiness ?? [])
      .filter(({ priority }) => !profile.layers.some((l) => l.role === undefined && l.priority === priority))
      .map(({ priority }) => {
        const priorities = [...new Set(profile.layers.filter((l) => l.role === undefined).map((l) => l.priority))].sort((a, b) => a - b);
        return groupWithoutLayers(profile.path, profile.name, priority, priorities);
      }),
  );
}

/**
 * The gates of the install-priority group a layer belongs to (see Profile.addGroupReadiness):
 * every layer of the group carries them, so the profile's later layers wait for the group's
 * gates whichever of its layers creates the objects.
 */
export function groupGatesOf(layer: LayerSpec, profile: ProfileSpec): ReadinessGate[] {
  if (layer.role !== undefined) return [];
  return (profile.groupReadiness ?? []).filter((g) => g.priority === layer.priority).flatMap((g) => g.gates);
}

/**
 * Every gate of a planned layer: Helm's wait first (as declared, else `workloads` when the layer
 * installs a release and waits), then the declared waiter gates (a CRD gate without names gets the
 * layer's CRDs), then the automatic CRD gate for CRDs other layers use, unless one is declared.
 */
export function plannedGates(layer: LayerSpec, kinds: LayerKinds, consumed: readonly string[], installsRelease: boolean): ReadinessGate[] {
  const declared = layer.readiness ?? [];
  const helm = declared.filter((g) => g.kind === 'workloads' || g.kind === 'jobsComplete');
  const helmGates: ReadinessGate[] =
    !installsRelease || !layer.release.wait
      ? []
      : helm.length > 0
        ? helm
        : [layer.release.waitForJobs ? { kind: 'jobsComplete', timeoutSeconds: layer.release.timeoutSeconds } : { kind: 'workloads', timeoutSeconds: layer.release.timeoutSeconds }];
  const waiter = declared
    .filter((g) => g.kind !== 'workloads' && g.kind !== 'jobsComplete')
    .map((g) => (g.kind === 'crdsEstablished' && g.names.length === 0 ? { ...g, names: [...kinds.defines.values()] } : g));
  const automatic: ReadinessGate[] =
    consumed.length > 0 && !waiter.some((g) => g.kind === 'crdsEstablished') ? [{ kind: 'crdsEstablished', timeoutSeconds: 60, names: [...consumed], automatic: true }] : [];
  return [...helmGates, ...waiter, ...automatic];
}
