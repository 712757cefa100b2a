import * as fs from 'fs';
import * as path from 'path';
import type { ClusterSpec } from '../cluster/plan';
import { Diagnostic, ProfileError } from '../errors';
import { Profile } from '../profile/profile';
import { isPlainObject, joinPath } from '../values/merge';
import { SensitiveValue } from '../values/sensitive';
import { YamlMemo } from '../values/yaml';
import { exportProfile } from './export-profile';
import { profileDocumentFileName, serializeProfileDocument } from './profile-document';
import { duplicateProfile as duplicateProfileDiagnostic } from '../diagnostics';

/** What writing needs of a cluster: the profiles it runs and the values it sets. */
export interface ProfileDocumentCluster {
  readonly attachedProfiles: readonly Profile[];
  readonly values: ClusterSpec['values'];
}

/** What one synth wrote: the profiles done, each file's text with its profile, and the app's clusters. */
interface Written {
  readonly profiles: Set<Profile>;
  readonly files: Map<string, { text: string; profile: Profile }>;
  clusters?: readonly ProfileDocumentCluster[];
}

const writtenBySession = new WeakMap<object, Written>();

/**
 * Writes the document of each profile to `<outdir>/profiles/<name>-<version>.json`, atomically
 * (a temporary file renamed into place), once per synth however many clusters run the profile.
 * A value a cluster replaces with a SensitiveValue is masked in the document too, since a literal
 * there is most likely a placeholder of the secret. Two different profiles with one name and
 * version fail with DUPLICATE_PROFILE, since the name and version are what identify a profile.
 *
 * @param session the synthesis session (cdktf's `ISynthesisSession`); its `outdir` is the root
 * @param findClusters every cluster of the app; called at most once per synth
 */
export function writeProfileDocuments(
  session: { readonly outdir: string },
  profiles: readonly Profile[],
  findClusters: () => readonly ProfileDocumentCluster[],
  yaml?: YamlMemo,
): void {
  let written = writtenBySession.get(session);
  if (!written) writtenBySession.set(session, (written = { profiles: new Set(), files: new Map() }));
  for (const profile of profiles) {
    if (written.profiles.has(profile)) continue;
    written.profiles.add(profile);
    const clusters = (written.clusters ??= findClusters());
    const document = exportProfile(profile, { sensitivePaths: sensitivePathsOf(profile, clusters), yaml });
    const file = profileDocumentFileName(document);
    const text = serializeProfileDocument(document);
    const earlier = written.files.get(file);
    if (earlier && earlier.text !== text) ProfileError.throw(duplicateProfile(profile, earlier.profile));
    if (earlier) continue;
    written.files.set(file, { text, profile });
    writeAtomically(path.join(session.outdir, 'profiles', file), text);
  }
}

/**
 * DUPLICATE_PROFILE for each profile whose document differs from the document of an earlier
 * profile (in `profiles` order) of the same name and version. Synth calls it with every other
 * check, before any file is written: writeProfileDocuments meets the clash only while writing,
 * after other stacks were written. Documents are only made for profiles that share a name and
 * version, which is rare.
 */
export function checkProfileDocuments(profiles: readonly Profile[], clusters: readonly ProfileDocumentCluster[]): Diagnostic[] {
  const byFile = new Map<string, Profile[]>();
  for (const profile of new Set(profiles)) {
    const file = `${profile.profileName}-${profile.version}.json`;
    byFile.set(file, [...(byFile.get(file) ?? []), profile]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [first, ...others] of byFile.values()) {
    if (others.length === 0) continue;
    try {
      const text = documentText(first, clusters);
      for (const profile of others) if (documentText(profile, clusters) !== text) diagnostics.push(duplicateProfile(profile, first));
    } catch (e) {
      // A profile that cannot be exported (values for a layer it lacks) is reported by planning.
      if (!(e instanceof ProfileError)) throw e;
    }
  }
  return diagnostics;
}

function documentText(profile: Profile, clusters: readonly ProfileDocumentCluster[]): string {
  return serializeProfileDocument(exportProfile(profile, { sensitivePaths: sensitivePathsOf(profile, clusters) }));
}

function duplicateProfile(profile: Profile, earlier: Profile): Diagnostic {
  return duplicateProfileDiagnostic(profile.node.path, profile.profileName, profile.version, earlier.node.path);
}

/** By layer name, the value paths that any cluster running `profile` sets to a SensitiveValue. */
function sensitivePathsOf(profile: Profile, clusters: readonly ProfileDocumentCluster[]): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  const layers = profile.layers.map((l) => l.layerName);
  for (const cluster of clusters.filter((c) => c.attachedProfiles.includes(profile))) {
    for (const [layer, overrides] of cluster.values) {
      if (!layers.includes(layer)) continue;
      for (const values of overrides) (paths[layer] ??= []).push(...sensitiveLeaves(values, ''));
    }
  }
  return paths;
}

function sensitiveLeaves(value: unknown, at: string): string[] {
  if (SensitiveValue.isSensitive(value)) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => sensitiveLeaves(v, `${at}[${i}]`));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => sensitiveLeaves(v, joinPath(at, k)));
  return [];
}

function writeAtomically(target: string, text: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, target);
}
