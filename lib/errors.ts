/**
 * One error type for the whole library. Every problem is a {@link Diagnostic} with a stable code,
 * the place it was found (a construct path, or a file and field), and one sentence on how to fix
 * it. Planning collects all diagnostics of an app and throws them at once, sorted, so a user fixes
 * everything in one pass instead of one error per synth.
 */

/** Stable codes of every error the library reports. Tests and users may match on them. */
export type ErrorCode =
  | 'INVALID_NAME'
  | 'INVALID_SEMVER'
  | 'INVALID_YAML'
  | 'INVALID_VALUES'
  | 'INVALID_MANIFEST'
  | 'INVALID_CHART_SOURCE'
  | 'INVALID_PRIORITY'
  | 'INVALID_CONNECTION'
  | 'INVALID_KUBERNETES_VERSION'
  | 'SENSITIVE_LITERAL'
  | 'MANIFEST_TOKEN'
  | 'CHART_NOT_FOUND'
  | 'DUPLICATE_LAYER'
  | 'DUPLICATE_RELEASE'
  | 'DUPLICATE_CLUSTER'
  | 'DUPLICATE_INFRA_ROLE'
  | 'MISSING_INFRA_ROLE'
  | 'ROLE_NOT_ALLOWED'
  | 'ADDON_NOT_ALLOWED'
  | 'TWO_INFRA_PROFILES'
  | 'PROFILE_ATTACHED_TWICE'
  | 'UNKNOWN_DEPENDENCY'
  | 'UNKNOWN_LAYER'
  | 'LAYER_CYCLE'
  | 'POLICY_VIOLATION'
  | 'PACK_INVALID'
  | 'PACK_ARCHIVE_INVALID'
  | 'PACK_FILE_MISSING'
  | 'PACK_NOT_FOUND'
  | 'NO_PACK_CATALOG'
  | 'INVALID_VERSION_CONSTRAINT'
  | 'VERSION_NOT_FOUND'
  | 'DIGEST_MISMATCH'
  | 'LOCK_STALE'
  | 'LOCK_MISSING'
  | 'LOCKFILE_INVALID'
  | 'REGISTRY_UNREACHABLE'
  | 'UNKNOWN_PRESET'
  | 'PRESET_CONFLICT'
  | 'SCHEMA_VIOLATION'
  | 'PACK_CONSTRAINT'
  | 'UNKNOWN_PACK_REFERENCE'
  | 'INVALID_VARIABLE'
  | 'UNKNOWN_VARIABLE'
  | 'UNKNOWN_MACRO'
  | 'INVALID_DOCUMENT'
  | 'MISSING_MASKED_VALUE'
  | 'UNKNOWN_MASKED_VALUE'
  | 'DUPLICATE_PROFILE'
  | 'PROTECTED_LAYER_REMOVED'
  | 'NAMESPACE_CONFLICT'
  | 'DUPLICATE_CONSTRUCT_ID'
  | 'INVALID_DRIFT_RULE'
  | 'DRIFT_INPUT'
  | 'KUBE_CONNECTION'
  | 'KUBE_REQUEST'
  | 'RELEASE_RECORD'
  | 'INVALID_READINESS'
  | 'READINESS_OBJECT_UNKNOWN'
  | 'READINESS_TIMEOUT'
  | 'DUPLICATE_WAVE'
  | 'WAVE_EMPTY'
  | 'WAVE_SELECTOR_UNMATCHED'
  | 'WAVE_UNKNOWN_CLUSTER'
  | 'WAVE_OVERLAP'
  | 'WAVE_UNASSIGNED'
  | 'INVALID_ROLLOUT_LIMIT'
  | 'NOT_A_PROFILE'
  | 'INVALID_LOCK_MODE'
  | 'INVALID_REGISTRY_URL'
  | 'UNKNOWN_CLUSTER';

/** One problem found in the user's declarations. */
export interface Diagnostic {
  /** Stable code, e.g. `LAYER_CYCLE`. */
  readonly code: ErrorCode;
  /**
   * Where, in one style: `<place>` or `<place>: <field>`, the field saying where inside the place
   * (`values`, `variable zone of profile apps`, `line 3, column 5`, a JSONPath). The place is:
   * - a construct path for anything declared in code (`prod/edge`, `addons/web`), or the static
   *   factory for a value made before a construct holds it (`ClusterConnection.token`,
   *   `SensitiveValue.fromVariable`, `ChartSource.oci`);
   * - a file, relative to the working directory with forward slashes, for anything read from a
   *   file (`cluster-profiles.lock.json`, `cdktf.out/fleet/edge/rollout.json`); a pack's
   *   files are under its registry's name (`packs/calico-3.30.3/values.yaml: line 2, column 1`);
   * - a registry's name (its folder's name or its URL unless given one) for the registry itself;
   * - a URL for anything remote (`https://charts.example.com/index.yaml`, an API server, an
   *   object on it);
   * - the JSONPath alone (`$.spec.version`) for a document given as text rather than a file.
   * lib/diagnostics/place.ts builds every path that is not a plain construct path.
   */
  readonly path: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** Lines of evidence printed under the message (the edges of a cycle, say). */
  readonly details?: readonly string[];
  /** How to fix it, in one sentence. */
  readonly fix: string;
}

/** Renders diagnostics as the text of a {@link ProfileError}: one block each, sorted by path and code. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const lines = [`${d.code} at ${d.path}: ${d.message}`];
      for (const detail of d.details ?? []) lines.push(`  ${detail}`);
      lines.push(`  fix: ${d.fix}`);
      return lines.join('\n');
    })
    .join('\n');
}

function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compare(a.path, b.path) || compare(a.code, b.code) || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The error the library throws. `diagnostics` holds every problem found, sorted. */
export class ProfileError extends Error {
  /** The code of the first diagnostic; convenient when there is only one. */
  public readonly code: ErrorCode;
  /** Every problem found, sorted by path and code. */
  public readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    if (diagnostics.length === 0) throw new Error('ProfileError needs at least one diagnostic');
    const sorted = sortDiagnostics(diagnostics);
    super(formatDiagnostics(sorted));
    this.name = 'ProfileError';
    this.diagnostics = sorted;
    this.code = sorted[0].code;
    // Not enumerable: Node prints an uncaught error's own enumerable properties after its message,
    // which would print every diagnostic a second time.
    for (const key of ['diagnostics', 'code'] as const) Object.defineProperty(this, key, { enumerable: false });
  }

  /**
   * The same error without a stack trace: for failures of the whole synth, whose stack shows
   * only cdktf's internals, so that `cdktf synth` prints each diagnostic once and nothing else.
   */
  public withoutStack(): this {
    Object.defineProperty(this, 'stack', { value: `${this.name}: ${this.message}`, configurable: true, writable: true });
    return this;
  }

  /** Throws a ProfileError for one diagnostic. */
  static throw(diagnostic: Diagnostic): never {
    throw new ProfileError([diagnostic]);
  }
}

/**
 * Suggests the candidates closest to `wanted` (edit distance at most a third of its length,
 * at least 2), best first, for "did you mean" hints.
 */
export function didYouMean(wanted: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(wanted, c) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || compare(a.c, b.c))
    .map((x) => x.c);
}

/** Appends a did-you-mean hint to a fix sentence when there are close candidates. */
export function withSuggestions(fix: string, wanted: string, candidates: Iterable<string>): string {
  const close = didYouMean(wanted, candidates);
  return close.length > 0 ? `${fix} (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : fix;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
