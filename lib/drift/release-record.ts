import { gunzipSync, gzipSync } from 'zlib';
import { ProfileError } from '../errors';
import { notAReleaseRecord } from '../diagnostics';

/** A Helm release as Helm 3 records it in its storage Secret: the fields drift reads. */
export interface ReleaseRecord {
  readonly name: string;
  readonly namespace: string;
  /** The revision, 1 for the first install. */
  readonly version: number;
  /** `deployed`, `failed`, `superseded`, `pending-upgrade`, ... */
  readonly status: string;
  /** The rendered YAML of every object of the release (hooks excluded). */
  readonly manifest: string;
  /**
   * The chart's `crds/` files (YAML), by file name: Helm installs them before the templates, once,
   * and keeps them out of `manifest`.
   */
  readonly crds: ReadonlyArray<{ readonly file: string; readonly yaml: string }>;
}

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];

/**
 * Decodes the `release` entry of a Helm release Secret (`sh.helm.release.v1.<name>.v<N>`, type
 * `helm.sh/release.v1`). Helm writes base64(gzip(json(release))) into the Secret's data, and the
 * API server base64-encodes every data value again, so the field as read over the API is
 * base64(base64(gzip(json))). Releases stored before Helm compressed them are base64(json): like
 * Helm (pkg/storage/driver/util.go, decodeRelease), gunzip only when the gzip magic is there.
 *
 * @param data the Secret's `data.release`, as the API returns it
 * @param where the Secret, for messages
 */
export function decodeReleaseRecord(data: string, where: string): ReleaseRecord {
  const fail = (why: string): never =>
    ProfileError.throw(notAReleaseRecord(where, why));
  let raw: Buffer;
  try {
    raw = Buffer.from(Buffer.from(data, 'base64').toString('latin1'), 'base64');
  } catch {
    return fail('not base64');
  }
  const isGzip = raw.length > 3 && GZIP_MAGIC.every((b, i) => raw[i] === b);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse((isGzip ? gunzipSync(raw) : raw).toString('utf8')) as Record<string, unknown>;
  } catch (e) {
    return fail(isGzip ? `gzip or JSON is corrupt (${(e as Error).message})` : 'neither gzip nor JSON');
  }
  const info = (json.info ?? {}) as Record<string, unknown>;
  if (typeof json.name !== 'string' || typeof json.version !== 'number') return fail('it has no name or version');
  const files = ((json.chart as { files?: unknown } | undefined)?.files ?? []) as Array<{ name?: unknown; data?: unknown }>;
  const crds = (Array.isArray(files) ? files : [])
    .filter((f) => typeof f.name === 'string' && /^crds\/[^/]+\.(ya?ml|json)$/.test(f.name) && typeof f.data === 'string')
    .map((f) => ({ file: f.name as string, yaml: Buffer.from(f.data as string, 'base64').toString('utf8') }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  return {
    name: json.name,
    namespace: typeof json.namespace === 'string' ? json.namespace : '',
    version: json.version,
    status: typeof info.status === 'string' ? info.status : 'unknown',
    manifest: typeof json.manifest === 'string' ? json.manifest : '',
    crds,
  };
}

/**
 * Encodes a release record as Helm does, as the API returns it (base64 of Helm's base64 of the
 * gzipped JSON). For tests and fake API servers.
 */
export function encodeReleaseRecord(release: Readonly<Record<string, unknown>>): string {
  const helm = gzipSync(Buffer.from(JSON.stringify(release))).toString('base64');
  return Buffer.from(helm).toString('base64');
}

/** The Secret that records one revision of a release, as Helm names and labels it. */
export interface ReleaseSecret {
  readonly metadata?: { readonly name?: string; readonly labels?: Readonly<Record<string, string>> };
  readonly type?: string;
  readonly data?: Readonly<Record<string, string>>;
}

/**
 * The revision drift compares against: the newest `deployed` one (Helm keeps older revisions as
 * `superseded`, and a failed upgrade leaves a `failed` revision above the deployed one).
 */
export function deployedRevision(secrets: readonly ReleaseSecret[]): ReleaseSecret | undefined {
  return secrets
    .filter((s) => s.type === 'helm.sh/release.v1' && s.metadata?.labels?.status === 'deployed')
    .sort((a, b) => Number(b.metadata?.labels?.version ?? 0) - Number(a.metadata?.labels?.version ?? 0))[0];
}
