import { Diagnostic } from '../errors';
import { factoryLocation } from './place';

function invalidChartSource(method: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_CHART_SOURCE', path: factoryLocation('ChartSource', method), message, fix };
}

/** `ChartSource.repository` given a URL that is not http(s). */
export function chartRepositoryNotHttp(url: string): Diagnostic {
  return invalidChartSource('repository', `repository URL "${url}" is not an http(s) URL`, 'give the URL that serves index.yaml, e.g. "https://charts.jetstack.io"');
}

/** `ChartSource.oci` given a reference with a tag, or without a registry and path. */
export function invalidOciReference(reference: string): Diagnostic {
  return invalidChartSource(
    'oci',
    `OCI reference "${reference}" is not of the form oci://registry/path/chart`,
    'write the chart reference without a tag, e.g. "oci://ghcr.io/stefanprodan/charts/podinfo", and give the version on the layer',
  );
}

/** `ChartSource.local` given an empty path. */
export function localChartPathEmpty(): Diagnostic {
  return invalidChartSource('local', 'local chart path is empty', 'give the path of a chart directory (with Chart.yaml) or a .tgz archive');
}

/** A `ChartSource` factory given a chart name Helm would refuse. */
export function invalidChartName(method: string, chart: string): Diagnostic {
  return invalidChartSource(method, `chart name "${chart}" is not a valid Helm chart name`, 'use the chart name as listed in the repository, e.g. "cert-manager"');
}

/** A HelmLayer whose `chart` is not a ChartSource. */
export function chartNotAChartSource(path: string): Diagnostic {
  return {
    code: 'INVALID_CHART_SOURCE',
    path,
    message: 'chart is not a ChartSource',
    fix: 'use ChartSource.repository(url, name), ChartSource.oci(reference) or ChartSource.local(path)',
  };
}

/** A chart version that is neither a semantic version nor a range. */
export function invalidChartVersion(path: string, version: string): Diagnostic {
  return {
    code: 'INVALID_VERSION_CONSTRAINT',
    path,
    message: `chart version "${version}" is neither a semantic version nor a range`,
    fix: 'write an exact version such as "1.16.2" or a range such as "~1.16.0"',
  };
}

/** An OCI chart given a train or range, which nothing can resolve. */
export function ociChartVersionNotExact(path: string, version: string): Diagnostic {
  return {
    code: 'INVALID_VERSION_CONSTRAINT',
    path,
    message: `chart version "${version}" of an OCI chart is a train or range, which synth cannot resolve (it reads no OCI registry) and the helm provider does not install`,
    fix: 'give the exact version of the OCI chart, e.g. "6.14.0"',
  };
}

const LOCAL_CHART_FIX = 'point ChartSource.local() at a chart directory holding Chart.yaml, or at a packaged .tgz chart';

/** A local chart path that holds no chart. */
export function localChartMissing(path: string, chartPath: string): Diagnostic {
  return { code: 'CHART_NOT_FOUND', path, message: `local chart "${chartPath}" has no Chart.yaml and is not a .tgz archive`, fix: LOCAL_CHART_FIX };
}

/** Why emission cannot read a local chart. */
export type LocalChartProblem = 'does not exist' | 'is a file but not a .tgz archive' | 'has no Chart.yaml';

/** A local chart that emission cannot read. */
export function localChartUnreadable(path: string, chartPath: string, problem: LocalChartProblem): Diagnostic {
  return { code: 'CHART_NOT_FOUND', path, message: `local chart "${chartPath}" ${problem}`, fix: LOCAL_CHART_FIX };
}

/** A Kubernetes version that is neither exact nor a train. */
export function invalidKubernetesVersion(path: string, version: string): Diagnostic {
  return {
    code: 'INVALID_KUBERNETES_VERSION',
    path,
    message: `Kubernetes version "${version}" is neither exact nor a train`,
    fix: 'write an exact version such as "1.34.4" or a train such as "1.34.x"',
  };
}

/** `kubernetesVersion` on a pack layer whose pack is not for the k8s layer. */
export function kubernetesVersionOnNonK8sPack(path: string, pack: string, layer: string): Diagnostic {
  return {
    code: 'INVALID_KUBERNETES_VERSION',
    path,
    message: `pack ${pack} is for layer ${layer}, so it pins no Kubernetes version`,
    fix: 'set kubernetesVersion only on the pack of the k8s layer',
  };
}

/** A layer priority that is not an integer. */
export function invalidLayerPriority(path: string, priority: unknown): Diagnostic {
  return {
    code: 'INVALID_PRIORITY',
    path,
    message: `priority ${priority} is not an integer`,
    fix: 'use a whole number; lower installs first, and the default is 0',
  };
}

/** A role that is not one of the infrastructure roles. */
export function unknownInfraRole(path: string, role: string, roles: readonly string[]): Diagnostic {
  return {
    code: 'ROLE_NOT_ALLOWED',
    path,
    message: `"${role}" is not an infrastructure role`,
    fix: `use one of ${roles.join(', ')}, or no role for an add-on layer`,
  };
}

/** Values given as something other than a map or YAML text. */
export function valuesNotAMap(path: string): Diagnostic {
  return {
    code: 'INVALID_VALUES',
    path,
    message: 'values are not a map of keys to values',
    fix: 'give values as an object, e.g. { replicaCount: 2 }, or as YAML text',
  };
}

/** A manifest file that does not exist. */
export function manifestFileMissing(path: string, file: string, lookedIn: string): Diagnostic {
  return {
    code: 'INVALID_MANIFEST',
    path,
    message: `manifest file "${file}" does not exist (looked in ${lookedIn})`,
    fix: 'give a path relative to the directory the app runs in, or an absolute path',
  };
}

/** A manifest document that is not a Kubernetes object: `message` says what it lacks. */
function invalidManifest(path: string, message: string): Diagnostic {
  return {
    code: 'INVALID_MANIFEST',
    path,
    message,
    fix: 'each document needs apiVersion, kind and metadata.name, e.g. "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings"',
  };
}

/** A manifest document that is not a YAML map. */
export function manifestNotAnObject(path: string): Diagnostic {
  return invalidManifest(path, 'document is not a Kubernetes object (a YAML map)');
}

/** A manifest document without apiVersion or kind (`field`). */
export function manifestFieldMissing(path: string, field: 'apiVersion' | 'kind'): Diagnostic {
  return invalidManifest(path, `document has no ${field}`);
}

/** A manifest object without metadata.name. */
export function manifestWithoutName(path: string, kind: string): Diagnostic {
  return invalidManifest(path, `${kind} has no metadata.name`);
}

/** A manifest holding a Terraform expression, which cannot reach a file written at synth. */
export function manifestToken(path: string, kind: string, name: string): Diagnostic {
  return {
    code: 'MANIFEST_TOKEN',
    path,
    message: `${kind} "${name}" holds a Terraform expression, but manifests are written to files at synth, before Terraform runs`,
    fix: 'pass Terraform expressions through a HelmLayer\'s values, which reach the chart at apply time',
  };
}
