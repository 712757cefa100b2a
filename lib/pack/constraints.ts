import * as semver from 'semver';
import { Diagnostic } from '../errors';
import { LayerSpec } from '../layer/layer';

/**
 * Pack dependency constraints (`pack.json: constraints.dependencies`), checked across every layer
 * attached to one cluster: `required` packs must be there within the version range, `optional`
 * ones must be within it when there, `notSupported` versions must not be there. A dependency on
 * `layer: k8s` is also answered by the cluster's Kubernetes layer and its version pin.
 */
export function checkPackConstraints(layers: readonly LayerSpec[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const layer of layers) {
    for (const dependency of layer.pack?.dependencies ?? []) {
      const range = rangeOf(dependency.minVersion, dependency.maxVersion);
      const found = layers.filter((l) => l.pack?.name === dependency.packName || (dependency.layer === 'k8s' && l.role === 'k8s' && l !== layer));
      const versioned = found.map((l) => ({ layer: l, version: l.pack?.version ?? l.kubernetesVersion }));
      const subject = `${layer.pack!.name} ${layer.pack!.version}`;
      const wanted = `${dependency.packName}${range ? ` ${range}` : ''}`;
      const problem = (message: string, fix: string) =>
        diagnostics.push({ code: 'PACK_CONSTRAINT', path: layer.path, message: `${subject} ${message}`, fix });
      if (dependency.type === 'required' && found.length === 0) {
        problem(`requires ${wanted}, which no layer on the cluster provides`, `attach a profile with ${dependency.packName}${range ? ` in ${range}` : ''}, or remove this layer`);
        continue;
      }
      if (!range) continue;
      for (const { layer: other, version } of versioned) {
        if (version === undefined) continue;
        const fits = semver.valid(version) ? semver.satisfies(version, range) : semver.subset(version, range);
        if (dependency.type !== 'notSupported' && !fits) {
          problem(`requires ${wanted}, but layer "${other.name}" has ${version}`, `use a version of ${dependency.packName} in ${range}, or another version of ${layer.pack!.name}`);
        }
        if (dependency.type === 'notSupported' && semver.intersects(semver.valid(version) ? version : version, range)) {
          problem(`does not support ${dependency.packName} ${range}, but layer "${other.name}" has ${version}`, `use a version of ${dependency.packName} outside ${range}`);
        }
      }
    }
  }
  return diagnostics;
}

function rangeOf(min?: string, max?: string): string | undefined {
  const parts = [min ? `>=${min}` : '', max ? `<=${max}` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
