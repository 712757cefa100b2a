import { yamlLibrary } from '../values/yaml';
import { ProfileError } from '../errors';
import { releaseManifestNotYaml } from '../diagnostics';

/**
 * The objects of a release's rendered manifest (Helm's `---`-separated YAML, with `# Source:`
 * comments), in order; empty documents left out. `List` kinds are flattened into their items, as
 * Helm applies them.
 */
export function manifestObjects(manifest: string, where: string): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const document of yamlLibrary().parseAllDocuments(manifest)) {
    if (document.errors.length > 0) {
      ProfileError.throw(releaseManifestNotYaml(where, document.errors[0].message.split('\n')[0]));
    }
    const value = document.toJS({ maxAliasCount: -1 }) as unknown;
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
