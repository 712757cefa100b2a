import * as semver from '../semver';
import { Diagnostic } from '../errors';
import { LayerSpec } from '../layer/layer';
import { PackDependency } from './pack';
import { boundsRange, normalizeVersion } from './version';
import { requiredPackMissing, requiredPackVersionMismatch, unsupportedPackVersion } from '../diagnostics';

/**
 * Pack dependency constraints (`pack.json: constraints.dependencies`), checked across every layer
 * attached to one cluster: `required` packs must be there within the version range, `optional`
 * and `upgrade` ones must be within it when there, `notSupported` versions must not be there.
 *
 * A dependency on `layer: k8s` names a Kubernetes distribution in `packName` (`kubernetes`,
 * `kubernetes-eks`, `edge-k8s`, ...): it applies only when the cluster's Kubernetes layer is that
 * distribution (a Kubernetes pack of that name, or a Kubernetes layer whose `distribution` it
 * is), and is then answered by that layer's version or version pin.
 */
export function checkPackConstraints(layers: readonly LayerSpec[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const layer of layers) {
    for (const dependency of layer.pack?.dependencies ?? []) {
      const found = providers(layers, layer, dependency);
      if (found === undefined) continue;
      const range = boundsRange(dependency.minVersion, dependency.maxVersion);
      const subject = `${layer.pack!.name} ${layer.pack!.version}`;
      const wanted = `${dependency.packName}${range ? ` ${range}` : ''}`;
      if (dependency.type === 'required' && found.length === 0) {
        diagnostics.push(requiredPackMissing(layer.path, subject, wanted, dependency.packName, range));
        continue;
      }
      if (!range) continue;
      for (const other of found) {
        const version = other.pack?.version ?? other.kubernetesVersion;
        if (version === undefined) continue;
        const fits = versionFits(version, range);
        if (dependency.type !== 'notSupported' && fits !== 'yes') {
          diagnostics.push(requiredPackVersionMismatch(layer.path, subject, wanted, other.name, version, dependency.packName, range, layer.pack!.name));
        }
        if (dependency.type === 'notSupported' && fits !== 'no') {
          diagnostics.push(unsupportedPackVersion(layer.path, subject, dependency.packName, range, other.name, version));
        }
      }
    }
  }
  return diagnostics;
}

/** The name of the Kubernetes distribution a `k8s` layer is, for dependencies on `layer: k8s`. */
export function kubernetesDistribution(layer: LayerSpec): string {
  return layer.pack?.name ?? layer.kubernetesDistribution ?? 'kubernetes';
}

/**
 * The layers that answer a dependency, or undefined when the dependency does not apply to this
 * cluster (a dependency on another Kubernetes distribution than the cluster's).
 */
function providers(layers: readonly LayerSpec[], self: LayerSpec, dependency: PackDependency): LayerSpec[] | undefined {
  if (dependency.layer === 'k8s') {
    const kubernetes = layers.filter((l) => l.role === 'k8s' && l !== self);
    const same = kubernetes.filter((l) => kubernetesDistribution(l) === dependency.packName);
    return kubernetes.length > 0 && same.length === 0 ? undefined : same;
  }
  return layers.filter((l) => l !== self && l.pack?.name === dependency.packName);
}

/**
 * Whether a version (or a train such as `1.34.x`, for a Kubernetes pin) is inside a range:
 * `yes`, `no`, or `partly` for a train that overlaps the range without lying inside it.
 */
function versionFits(version: string, range: string): 'yes' | 'no' | 'partly' {
  const exact = normalizeVersion(version);
  if (exact !== undefined) return semver.satisfies(exact, range) ? 'yes' : 'no';
  const train = version.replace(/^[vV]/, '');
  if (semver.validRange(train) === null) return 'no';
  if (semver.subset(train, range)) return 'yes';
  return semver.intersects(train, range) ? 'partly' : 'no';
}
