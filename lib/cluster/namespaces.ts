import { Diagnostic } from '../errors';
import { isPlainObject } from '../values/merge';
import { PlannedLayer } from './plan';
import { namespaceConflict } from '../diagnostics';

/**
 * Namespaces that a pack's `pack:` section asks for beyond Helm's bare `create_namespace`:
 * `namespaceLabels` and `namespaceAnnotations` (maps from namespace to `k=v,k2=v2`, Palette's
 * format, e.g. pod-security labels) and `additionalNamespaces`. They are created by Terraform
 * before the layer's releases and, like Palette does, deleted with everything in them when the
 * last layer that asks for them is removed.
 */
export interface NamespaceSpec {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** Layers that ask for it, in install order. */
  readonly layers: readonly string[];
}

/** The namespaces a cluster's layers ask for, merged by name; conflicting settings are diagnostics. */
export function requestedNamespaces(layers: readonly PlannedLayer[], clusterPath: string): { namespaces: NamespaceSpec[]; diagnostics: Diagnostic[] } {
  const found = new Map<string, { labels: Record<string, string>; annotations: Record<string, string>; layers: string[]; setBy: Record<string, string> }>();
  const diagnostics: Diagnostic[] = [];
  const entry = (name: string) => {
    if (!found.has(name)) found.set(name, { labels: {}, annotations: {}, layers: [], setBy: {} });
    return found.get(name)!;
  };
  for (const layer of layers) {
    const settings = isPlainObject(layer.values.pack) ? layer.values.pack : undefined;
    if (!settings) continue;
    const touched = new Set<string>();
    for (const [field, target] of [['namespaceLabels', 'labels'], ['namespaceAnnotations', 'annotations']] as const) {
      const byNamespace = isPlainObject(settings[field]) ? settings[field] : {};
      for (const [namespace, text] of Object.entries(byNamespace as Record<string, unknown>)) {
        const e = entry(namespace);
        touched.add(namespace);
        for (const [key, value] of parsePairs(String(text))) {
          const previous = e[target][key];
          if (previous !== undefined && previous !== value) {
            diagnostics.push(namespaceConflict(clusterPath, namespace, target.slice(0, -1), key, previous, e.setBy[`${target}/${key}`], value, layer.name));
            continue;
          }
          e[target][key] = value;
          e.setBy[`${target}/${key}`] = layer.name;
        }
      }
    }
    const additional = settings.additionalNamespaces;
    const names = typeof additional === 'string' ? additional.split(',') : Array.isArray(additional) ? additional.map(String) : [];
    for (const name of names.map((n) => n.trim()).filter(Boolean)) touched.add(name), entry(name);
    for (const name of touched) entry(name).layers.push(layer.name);
  }
  const namespaces = [...found].map(([name, e]) => ({ name, labels: e.labels, annotations: e.annotations, layers: e.layers }));
  return { namespaces: namespaces.sort((a, b) => (a.name < b.name ? -1 : 1)), diagnostics };
}

/** `k=v,k2=v2` as pairs. */
function parsePairs(text: string): Array<[string, string]> {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return at === -1 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    });
}
