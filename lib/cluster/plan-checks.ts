import { Diagnostic, withSuggestions } from '../errors';
import { INFRA_ROLES, InfraRole } from '../model/layer';
import { ProfileSpec } from '../model/profile';
import { ClusterSpec } from '../model/plan';
import { formatProblem } from '../profile/variable';
import { SensitiveValue } from '../values/sensitive';
import { Placed } from './plan-order';

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
        diagnostics.push({
          code: 'ADDON_NOT_ALLOWED',
          path: layer.path,
          message: `layer "${layer.name}" has no infrastructure role, but infra profile "${profile.name}" holds only infra layers`,
          fix: `give the layer a role (${INFRA_ROLES.join(', ')}), or move it to an AddonProfile or a FullProfile`,
        });
      }
      continue;
    }
    if (profile.type === 'addon') {
      diagnostics.push({
        code: 'ROLE_NOT_ALLOWED',
        path: layer.path,
        message: `layer "${layer.name}" has role "${layer.role}", but add-on profile "${profile.name}" holds only add-on layers`,
        fix: 'move the layer to an InfraProfile or a FullProfile, or remove its role',
      });
      continue;
    }
    roles.set(layer.role, [...(roles.get(layer.role) ?? []), layer.name]);
  }
  if (profile.type === 'addon') return diagnostics;
  for (const role of INFRA_ROLES) {
    const holders = roles.get(role) ?? [];
    if (holders.length === 0) {
      diagnostics.push({
        code: 'MISSING_INFRA_ROLE',
        path: profile.path,
        message: `${profile.type} profile "${profile.name}" has no ${role} layer`,
        fix: `add a layer with role "${role}"; for a ${role} the platform already provides, add a ManifestLayer with role "${role}" and no documents`,
      });
    } else if (holders.length > 1) {
      diagnostics.push({
        code: 'DUPLICATE_INFRA_ROLE',
        path: profile.path,
        message: `${profile.type} profile "${profile.name}" has ${holders.length} ${role} layers: ${holders.join(', ')}`,
        fix: `keep one layer with role "${role}" and make the others add-on layers`,
      });
    }
  }
  return diagnostics;
}

/** Layer names and (namespace, release name) pairs are unique on a cluster. */

export function checkUniqueness(cluster: Pick<ClusterSpec, 'name' | 'path'>, sequence: readonly Placed[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map<string, Placed[]>();
  const byRelease = new Map<string, Placed[]>();
  for (const p of sequence) {
    byName.set(p.layer.name, [...(byName.get(p.layer.name) ?? []), p]);
    const release = `${p.layer.namespace}/${p.layer.releaseName}`;
    byRelease.set(release, [...(byRelease.get(release) ?? []), p]);
  }
  for (const [name, holders] of byName) {
    if (holders.length < 2) continue;
    diagnostics.push({
      code: 'DUPLICATE_LAYER',
      path: cluster.path,
      message: `layer name "${name}" is used ${holders.length} times on cluster "${cluster.name}"`,
      details: holders.map((h) => `${h.layer.path} (profile ${h.profile.name} ${h.profile.version})`),
      fix: 'give each layer a distinct name with the `name` prop',
    });
  }
  for (const [release, holders] of byRelease) {
    const distinctLayers = new Set(holders.map((h) => h.layer.name));
    if (distinctLayers.size < 2) continue;
    diagnostics.push({
      code: 'DUPLICATE_RELEASE',
      path: cluster.path,
      message: `release "${release}" is claimed by ${[...distinctLayers].join(' and ')} on cluster "${cluster.name}"`,
      details: holders.map((h) => h.layer.path),
      fix: 'give the layers distinct `releaseName`s or install them into distinct namespaces',
    });
  }
  return diagnostics;
}

/** Value overrides name layers that exist where they are set. */

export function checkOverrides(cluster: ClusterSpec, sequence: readonly Placed[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const onCluster = sequence.map((p) => p.layer.name);
  for (const name of cluster.protectedLayers) {
    if (onCluster.includes(name)) continue;
    diagnostics.push({
      code: 'PROTECTED_LAYER_REMOVED',
      path: cluster.path,
      message: `layer "${name}" is protected on cluster "${cluster.name}", but no attached profile has it any more, so the deploy would uninstall it`,
      fix: `attach a profile with layer "${name}" again; to uninstall it on purpose, first remove "${name}" from protectedLayers`,
    });
  }
  for (const name of cluster.values.keys()) {
    if (onCluster.includes(name)) continue;
    diagnostics.push({
      code: 'UNKNOWN_LAYER',
      path: cluster.path,
      message: `values are set for layer "${name}", which no profile attached to cluster "${cluster.name}" has`,
      fix: withSuggestions('name a layer of an attached profile', name, onCluster),
    });
  }
  for (const profile of cluster.profiles) {
    const inProfile = profile.layers.map((l) => l.name);
    for (const name of profile.values.keys()) {
      if (inProfile.includes(name)) continue;
      diagnostics.push({
        code: 'UNKNOWN_LAYER',
        path: profile.path,
        message: `values are set for layer "${name}", which profile "${profile.name}" does not have`,
        fix: withSuggestions('name one of the profile\'s layers', name, inProfile),
      });
    }
  }
  return diagnostics;
}

export function checkVariables(cluster: ClusterSpec, isExpression: (value: string) => boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const problem = (path: string, message: string, fix: string) => diagnostics.push({ code: 'INVALID_VARIABLE', path, message, fix });
  const declared = cluster.profiles.flatMap((p) => p.variables.map((v) => v.name));
  for (const name of cluster.variables.keys()) {
    if (declared.includes(name)) continue;
    diagnostics.push({
      code: 'UNKNOWN_VARIABLE',
      path: cluster.path,
      message: `a value is given for variable ${name}, which no attached profile declares`,
      fix: withSuggestions('give values only for variables of the attached profiles', name, declared),
    });
  }
  for (const profile of cluster.profiles) {
    for (const v of profile.variables) {
      const value = cluster.variables.get(v.name);
      const where = `${cluster.path} (variable ${v.name} of profile ${profile.name})`;
      if (value === undefined) {
        if (v.required && v.default === undefined) problem(where, `variable ${v.name} is required but cluster "${cluster.name}" gives no value`, `give it with cluster.setVariables({ ${v.name}: ... })`);
        continue;
      }
      if (v.readOnly) problem(where, `variable ${v.name} is read-only, but cluster "${cluster.name}" gives a value`, 'remove the value; the default applies to every cluster');
      else if (v.sensitive && !SensitiveValue.isSensitive(value)) problem(where, `variable ${v.name} is sensitive, but cluster "${cluster.name}" gives it as plain text`, `give SensitiveValue.fromVariable("${v.name}") or SensitiveValue.fromToken(...)`);
      else {
        const why = formatProblem(v, value, isExpression);
        if (why) problem(where, `variable ${v.name} = ${JSON.stringify(value)} ${why}`, `give a value of format ${v.format ?? 'string'}${v.regex ? ` matching ${v.regex}` : ''}`);
      }
    }
  }
  return diagnostics;
}
