import { Diagnostic, withSuggestions } from '../errors';
import { factoryLocation } from './place';

function invalidConnection(method: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_CONNECTION', path: factoryLocation('ClusterConnection', method), message, fix };
}

/** `ClusterConnection.kubeconfig` without a path. */
export function kubeconfigWithoutPath(): Diagnostic {
  return invalidConnection('kubeconfig', 'kubeconfig connection has no path', 'give the kubeconfig file path, e.g. "~/.kube/config"');
}

/** `ClusterConnection.exec` whose credential lacks apiVersion or command. */
export function incompleteExecCredential(): Diagnostic {
  return invalidConnection(
    'exec',
    'exec credential needs apiVersion and command',
    'e.g. { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["eks", "get-token", "--cluster-name", "prod"] }',
  );
}

/** A `ClusterConnection` factory (`token`, `exec`) missing some of the options it needs. */
export function connectionOptionsMissing(method: string, missing: readonly string[], needed: readonly string[]): Diagnostic {
  return invalidConnection(method, `${method} connection is missing ${missing.join(', ')}`, `give ${needed.join(', ')}; each may be a Terraform expression`);
}

/** A cluster without a connection. */
export function clusterWithoutConnection(path: string): Diagnostic {
  return { code: 'INVALID_CONNECTION', path, message: 'cluster has no connection', fix: 'give connection: ClusterConnection.kubeconfig({ path }), .token({ ... }) or .exec({ ... })' };
}

/** A bearer token given to `ClusterConnection.token` as a literal string. */
export function literalConnectionToken(): Diagnostic {
  return {
    code: 'SENSITIVE_LITERAL',
    path: factoryLocation('ClusterConnection', 'token'),
    message: 'the bearer token was given as a literal string, which would be written in clear text to cdk.tf.json',
    fix: 'pass a Terraform expression: a TerraformVariable with sensitive: true (supplied as TF_VAR_<name> at deploy), or an attribute of the resource that made the cluster',
  };
}

/** `attach()` given something that is not a profile. */
export function notAProfile(path: string): Diagnostic {
  return { code: 'NOT_A_PROFILE', path, message: 'attach() was given something that is not a profile', fix: 'attach an InfraProfile, FullProfile or AddonProfile' };
}

/** A profile attached twice to one cluster. */
export function profileAttachedTwice(path: string, profile: string, version: string): Diagnostic {
  return { code: 'PROFILE_ATTACHED_TWICE', path, message: `profile "${profile}" ${version} is attached twice`, fix: 'attach each profile once' };
}

/** A second infra or full profile attached to a cluster that runs one. */
export function twoInfraProfiles(path: string, cluster: string, base: string, other: string): Diagnostic {
  return {
    code: 'TWO_INFRA_PROFILES',
    path,
    message: `cluster "${cluster}" already runs ${base}; it cannot also run ${other}`,
    fix: 'attach one infra or full profile per cluster, and put other layers in add-on profiles',
  };
}

/** Two clusters of one stack with one name. */
export function duplicateClusterInStack(path: string, cluster: string, other: string): Diagnostic {
  return {
    code: 'DUPLICATE_CLUSTER',
    path,
    message: `cluster name "${cluster}" is also used by ${other} in the same stack`,
    fix: 'give each cluster of a stack a distinct name; it becomes the provider alias and the address prefix',
  };
}

/** An add-on layer in an infra profile. */
export function addonNotAllowed(path: string, layer: string, profile: string, roles: readonly string[]): Diagnostic {
  return {
    code: 'ADDON_NOT_ALLOWED',
    path,
    message: `layer "${layer}" has no infrastructure role, but infra profile "${profile}" holds only infra layers`,
    fix: `give the layer a role (${roles.join(', ')}), or move it to an AddonProfile or a FullProfile`,
  };
}

/** An infra layer in an add-on profile. */
export function roleNotAllowed(path: string, layer: string, role: string, profile: string): Diagnostic {
  return {
    code: 'ROLE_NOT_ALLOWED',
    path,
    message: `layer "${layer}" has role "${role}", but add-on profile "${profile}" holds only add-on layers`,
    fix: 'move the layer to an InfraProfile or a FullProfile, or remove its role',
  };
}

/** An infra or full profile without a layer of one infra role. */
export function missingInfraRole(path: string, type: string, profile: string, role: string): Diagnostic {
  return {
    code: 'MISSING_INFRA_ROLE',
    path,
    message: `${type} profile "${profile}" has no ${role} layer`,
    fix: `add a layer with role "${role}"; for a ${role} the platform already provides, add a ManifestLayer with role "${role}" and no documents`,
  };
}

/** A profile with several layers of one infra role. */
export function duplicateInfraRole(path: string, type: string, profile: string, role: string, holders: readonly string[]): Diagnostic {
  return {
    code: 'DUPLICATE_INFRA_ROLE',
    path,
    message: `${type} profile "${profile}" has ${holders.length} ${role} layers: ${holders.join(', ')}`,
    fix: `keep one layer with role "${role}" and make the others add-on layers`,
  };
}

/** A layer name used more than once on a cluster; `holders` describe each layer. */
export function duplicateLayer(path: string, name: string, cluster: string, holders: readonly string[]): Diagnostic {
  return {
    code: 'DUPLICATE_LAYER',
    path,
    message: `layer name "${name}" is used ${holders.length} times on cluster "${cluster}"`,
    details: holders,
    fix: 'give each layer a distinct name with the `name` prop',
  };
}

/** A release (namespace/name) claimed by several layers of a cluster. */
export function duplicateRelease(path: string, release: string, layers: readonly string[], cluster: string, holders: readonly string[]): Diagnostic {
  return {
    code: 'DUPLICATE_RELEASE',
    path,
    message: `release "${release}" is claimed by ${layers.join(' and ')} on cluster "${cluster}"`,
    details: holders,
    fix: 'give the layers distinct `releaseName`s or install them into distinct namespaces',
  };
}

/** A protected layer no attached profile has any more. */
export function protectedLayerRemoved(path: string, layer: string, cluster: string): Diagnostic {
  return {
    code: 'PROTECTED_LAYER_REMOVED',
    path,
    message: `layer "${layer}" is protected on cluster "${cluster}", but no attached profile has it any more, so the deploy would uninstall it`,
    fix: `attach a profile with layer "${layer}" again; to uninstall it on purpose, first remove "${layer}" from protectedLayers`,
  };
}

/** Cluster values for a layer no attached profile has. */
export function clusterValuesForUnknownLayer(path: string, layer: string, cluster: string, layers: readonly string[]): Diagnostic {
  return {
    code: 'UNKNOWN_LAYER',
    path,
    message: `values are set for layer "${layer}", which no profile attached to cluster "${cluster}" has`,
    fix: withSuggestions('name a layer of an attached profile', layer, layers),
  };
}

/** Profile values for a layer the profile does not have. */
export function profileValuesForUnknownLayer(path: string, layer: string, profile: string, layers: readonly string[]): Diagnostic {
  return {
    code: 'UNKNOWN_LAYER',
    path,
    message: `values are set for layer "${layer}", which profile "${profile}" does not have`,
    fix: withSuggestions('name one of the profile\'s layers', layer, layers),
  };
}

/** A layer a synthesized cluster (in a user's test) does not have. */
export function synthesizedLayerUnknown(path: string, cluster: string, layer: string, layers: readonly string[]): Diagnostic {
  return {
    code: 'UNKNOWN_LAYER',
    path,
    message: `cluster "${cluster}" has no layer "${layer}"`,
    details: [`its layers: ${layers.join(', ')}`],
    fix: withSuggestions('name one of its layers', layer, layers),
  };
}

/** A `dependsOn` naming no layer of the cluster. */
export function unknownDependency(path: string, layer: string, dependency: string, layers: readonly string[]): Diagnostic {
  return {
    code: 'UNKNOWN_DEPENDENCY',
    path,
    message: `layer "${layer}" depends on "${dependency}", which is not a layer on this cluster`,
    details: [`layers on this cluster: ${layers.join(', ')}`],
    fix: withSuggestions('name a layer of a profile attached to the same cluster', dependency, layers),
  };
}

/** Layers whose order forms a loop; `steps` are the edges of the loop, each with its reason. */
export function layerCycle(path: string, cycle: readonly string[], steps: ReadonlyArray<{ readonly from: string; readonly to: string; readonly reason: string }>): Diagnostic {
  const width = Math.max(...steps.map((e) => `${e.from} -> ${e.to}`.length));
  return {
    code: 'LAYER_CYCLE',
    path,
    message: `layers form a cycle: ${cycle.join(' -> ')}`,
    details: steps.map((e) => `${`${e.from} -> ${e.to}`.padEnd(width)}   (${e.reason})`),
    fix: 'remove one of these dependsOn entries, or change the priorities or the order profiles are attached in',
  };
}

/** Two layers giving one namespace different values of one label or annotation. */
export function namespaceConflict(path: string, namespace: string, what: string, key: string, previous: string, previousLayer: string, value: string, layer: string): Diagnostic {
  return {
    code: 'NAMESPACE_CONFLICT',
    path,
    message: `namespace "${namespace}" gets ${what} ${key}=${previous} from layer "${previousLayer}" and ${key}=${value} from layer "${layer}"`,
    fix: `give ${key} one value in the pack: sections of both layers`,
  };
}
