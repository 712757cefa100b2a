import type { Values } from '../values/merge';
import type { ManifestDocument } from './manifests';

/** Kinds of Kubernetes objects, as plain functions with no cdktf: what planning needs of manifests. */

/** `group/version, Kind=kind` identity used to match custom resources with their definitions. */
export function kindKey(apiVersion: string, kind: string): string {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return `${group}/${kind}`;
}

/** The kinds a CustomResourceDefinition document defines, as {@link kindKey} strings. */
export function definedKind(document: ManifestDocument): string | undefined {
  if (document.kind !== 'CustomResourceDefinition' || !document.apiVersion.startsWith('apiextensions.k8s.io/')) return undefined;
  const spec = document.spec as Values | undefined;
  const group = spec?.group;
  const kind = (spec?.names as Values | undefined)?.kind;
  return typeof group === 'string' && typeof kind === 'string' ? `${group}/${kind}` : undefined;
}
