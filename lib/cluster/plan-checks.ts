import { Diagnostic } from '../errors';
import { INFRA_ROLES, InfraRole } from '../model/layer';
import { ProfileSpec } from '../model/profile';
import { ClusterSpec } from '../model/plan';
import { formatProblem } from '../profile/variable';
import { SensitiveValue } from '../values/sensitive';
import { Placed } from './plan-order';
import {
  addonNotAllowed,
  clusterValuesForUnknownLayer,
  duplicateInfraRole,
  duplicateLayer,
  duplicateRelease,
  missingInfraRole,
  profileValuesForUnknownLayer,
  protectedLayerRemoved,
  readOnlyVariableSet,
  requiredVariableUnset,
  roleNotAllowed,
  sensitiveVariableInPlainText,
  unknownVariable,
  variableValueMismatch,
} from '../diagnostics';

/**
 * Planning, the checks of what a cluster declares, before anything is ordered or merged: the
 * profiles' shape, unique names and releases, overrides and protected layers that name layers
 * on the cluster, variable values. Pure; each returns every problem it finds.
 */

export function checkProfile(profile: ProfileSpec): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const roles = new Map<InfraRole, string[]>();
  for (const layer of profile.layers) {
    if (layer.role === undefined) {
      if (profile.type === 'infra') {
        diagnostics.push(addonNotAllowed(layer.path, layer.name, profile.name, INFRA_ROLES));
      }
      continue;
    }
    if (profile.type === 'addon') {
      diagnostics.push(roleNotAllowed(layer.path, layer.name, layer.role, profile.name));
      continue;
    }
    roles.set(layer.role, [...(roles.get(layer.role) ?? []), layer.name]);
  }
  if (profile.type === 'addon') return diagnostics;
  for (const role of INFRA_ROLES) {
    const holders = roles.get(role) ?? [];
    if (holders.length === 0) {
      diagnostics.push(missingInfraRole(profile.path, profile.type, profile.name, role));
    } else if (holders.length > 1) {
      diagnostics.push(duplicateInfraRole(profile.path, profile.type, profile.name, role, holders));
    }
  }
  return diagnostics;
}

/** Layer names and (namespace, release name) pairs are unique on a cluster. */

export function checkUniqueness(cluster: Pick<ClusterSpec, 'name' | 'path'>, sequence: readonly Placed[]): Diagnostic[] {
  const { names, releases } = duplicates(sequence);
  return [
    ...names.map(([name, holders]) => duplicateLayer(cluster.path, name, cluster.name, holders.map((h) => `${h.layer.path} (profile ${h.profile.name} ${h.profile.version})`))),
    ...releases.map(([release, holders]) => duplicateRelease(cluster.path, release, [...new Set(holders.map((h) => h.layer.name))], cluster.name, holders.map((h) => h.layer.path))),
  ];
}

/** Whether layer names and releases are unique on the cluster (checkUniqueness says why not). */
export function isUnique(sequence: readonly Placed[]): boolean {
  const { names, releases } = duplicates(sequence);
  return names.length === 0 && releases.length === 0;
}

/**
 * Layer names held by more than one layer, and releases (`namespace/name`) held by more than one
 * layer name, each with its holders in sequence order.
 */
function duplicates(sequence: readonly Placed[]): { names: Array<[string, Placed[]]>; releases: Array<[string, Placed[]]> } {
  const byName = new Map<string, Placed[]>();
  const byRelease = new Map<string, Placed[]>();
  const add = (map: Map<string, Placed[]>, key: string, placed: Placed) => {
    const holders = map.get(key);
    if (holders) holders.push(placed);
    else map.set(key, [placed]);
  };
  for (const p of sequence) {
    add(byName, p.layer.name, p);
    add(byRelease, `${p.layer.namespace}/${p.layer.releaseName}`, p);
  }
  return {
    names: [...byName].filter(([, holders]) => holders.length > 1),
    releases: [...byRelease].filter(([, holders]) => new Set(holders.map((h) => h.layer.name)).size > 1),
  };
}

/** Value overrides name layers that exist where they are set. */

export function checkOverrides(cluster: ClusterSpec, sequence: readonly Placed[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const onCluster = sequence.map((p) => p.layer.name);
  for (const name of cluster.protectedLayers) {
    if (onCluster.includes(name)) continue;
    diagnostics.push(protectedLayerRemoved(cluster.path, name, cluster.name));
  }
  for (const name of cluster.values.keys()) {
    if (onCluster.includes(name)) continue;
    diagnostics.push(clusterValuesForUnknownLayer(cluster.path, name, cluster.name, onCluster));
  }
  for (const profile of cluster.profiles) {
    const inProfile = profile.layers.map((l) => l.name);
    for (const name of profile.values.keys()) {
      if (inProfile.includes(name)) continue;
      diagnostics.push(profileValuesForUnknownLayer(profile.path, name, profile.name, inProfile));
    }
  }
  return diagnostics;
}

export function checkVariables(cluster: ClusterSpec, isExpression: (value: string) => boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const declared = cluster.profiles.flatMap((p) => p.variables.map((v) => v.name));
  for (const name of cluster.variables.keys()) {
    if (declared.includes(name)) continue;
    diagnostics.push(unknownVariable(cluster.path, name, declared));
  }
  for (const profile of cluster.profiles) {
    for (const v of profile.variables) {
      const value = cluster.variables.get(v.name);
      if (value === undefined) {
        if (v.required && v.default === undefined) diagnostics.push(requiredVariableUnset(cluster.path, v.name, profile.name, cluster.name));
        continue;
      }
      if (v.readOnly) diagnostics.push(readOnlyVariableSet(cluster.path, v.name, profile.name, cluster.name));
      else if (v.sensitive && !SensitiveValue.isSensitive(value)) diagnostics.push(sensitiveVariableInPlainText(cluster.path, v.name, profile.name, cluster.name));
      else {
        const why = formatProblem(v, value, isExpression);
        if (why) diagnostics.push(variableValueMismatch(cluster.path, v.name, profile.name, value, why, v.format ?? 'string', v.regex));
      }
    }
  }
  return diagnostics;
}
