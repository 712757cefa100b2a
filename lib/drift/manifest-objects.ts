import { yamlLibrary } from '../values/yaml';
import { readPlainYaml } from '../values/plain-yaml-reader';
import { ProfileError } from '../errors';
import { releaseManifestNotYaml } from '../diagnostics';

/**
 * The objects of a release's rendered manifest (Helm's `---`-separated YAML, with `# Source:`
 * comments), in order; empty documents left out. `List` kinds are flattened into their items, as
 * Helm applies them.
 */
export function manifestObjects(manifest: string, where: string): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  // Most rendered manifests are plain YAML, read without loading the library (readPlainYaml reads
  // them as the library's defaults do: YAML 1.2 core).
  for (const value of readPlainYaml(manifest, { helmBooleans: false }) ?? libraryDocuments(manifest, where)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const object = value as Record<string, unknown>;
    if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items)) {
      objects.push(...(object.items as Record<string, unknown>[]).filter((i) => typeof i === 'object' && i !== null));
    } else if (typeof object.kind === 'string' && typeof object.apiVersion === 'string') {
      objects.push(object);
    }
  }
  return objects;
}

function libraryDocuments(manifest: string, where: string): unknown[] {
  return yamlLibrary()
    .parseAllDocuments(manifest)
    .map((document) => {
      if (document.errors.length > 0) {
        ProfileError.throw(releaseManifestNotYaml(where, document.errors[0].message.split('\n')[0]));
      }
      return document.toJS({ maxAliasCount: -1 }) as unknown;
    });
}
