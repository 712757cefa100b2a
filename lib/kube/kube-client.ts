import * as http from 'http';
import * as https from 'https';
import { ProfileError } from '../errors';
import { KubeConnection } from './kube-connection';
import { kubeRequestFailed, serverNotHttp } from '../diagnostics';

/** One resource type of the API, as discovery lists it. */
export interface ApiResource {
  /** The plural name used in paths, e.g. `deployments`. */
  readonly name: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** Which object: as in a manifest. */
export interface ObjectReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** For namespaced kinds. */
  readonly namespace?: string;
}

/** How a PATCH body is read by the server. */
export type PatchType = 'merge' | 'strategic' | 'json';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

/** Options of a {@link KubeClient}. */
export interface KubeClientOptions {
  /**
   * How long one request may take.
   * @default 30000
   */
  readonly timeoutMs?: number;
}

/**
 * A small Kubernetes API client on Node's own `https`, for the command line (drift, and the
 * readiness waiter): GET, LIST with a label selector, PATCH, DELETE, and discovery of resource
 * types. It never runs at synth. Credentials stay in the request headers and TLS options: no
 * error or message carries them. See lib/kube/README.md for why not `@kubernetes/client-node`.
 */
export class KubeClient {
  private readonly agent: http.Agent;
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly discovery = new Map<string, Promise<ApiResource[]>>();

  constructor(private readonly connection: KubeConnection, options: KubeClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.base = serverUrl(connection);
    this.agent =
      this.base.protocol === 'http:'
        ? new http.Agent({ keepAlive: true })
        : new https.Agent({
            keepAlive: true,
            ca: connection.certificateAuthority,
            cert: connection.clientCertificate,
            key: connection.clientKey,
            rejectUnauthorized: !connection.insecureSkipTlsVerify,
          });
  }

  /** The API server's URL, for messages (it carries no credential). */
  get server(): string {
    return this.connection.server;
  }

  /** The object at `path`, or undefined when the server answers 404. */
  async get<T = Record<string, unknown>>(path: string): Promise<T | undefined> {
    const response = await this.request('GET', path, { allow404: true });
    return response.status === 404 ? undefined : (response.body as T);
  }

  /** The items of a list, optionally filtered by a label selector (`owner=helm,name=web`). */
  async list<T = Record<string, unknown>>(path: string, labelSelector?: string): Promise<T[]> {
    const query = labelSelector ? `?labelSelector=${encodeURIComponent(labelSelector)}` : '';
    const response = await this.request('GET', `${path}${query}`, { allow404: true });
    if (response.status === 404) return [];
    return ((response.body as { items?: T[] }).items ?? []) as T[];
  }

  /** Patches the object at `path`; returns the object as the server stored it. */
  async patch<T = Record<string, unknown>>(path: string, body: unknown, type: PatchType = 'merge'): Promise<T> {
    return (await this.request('PATCH', path, { body, contentType: PATCH_CONTENT_TYPES[type] })).body as T;
  }

  /** Deletes the object at `path`; true when it existed. */
  async delete(path: string): Promise<boolean> {
    return (await this.request('DELETE', path, { allow404: true })).status !== 404;
  }

  /** The resource types of an API group version (`v1`, `apps/v1`), from discovery, cached. */
  resources(apiVersion: string): Promise<ApiResource[]> {
    let found = this.discovery.get(apiVersion);
    if (!found) {
      const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      found = this.get<{ resources?: ApiResource[] }>(path).then((list) =>
        (list?.resources ?? []).filter((r) => !r.name.includes('/')).map((r) => ({ name: r.name, kind: r.kind, namespaced: r.namespaced })),
      );
      this.discovery.set(apiVersion, found);
    }
    return found;
  }

  /**
   * Where an object lives: its path, and whether its kind is namespaced. Undefined when the
   * server does not serve that kind (a CRD not installed, say).
   *
   * @param defaultNamespace for a namespaced object that names none (Helm's release namespace)
   */
  async locate(ref: ObjectReference, defaultNamespace = 'default'): Promise<{ path: string; collection: string; namespaced: boolean } | undefined> {
    const resource = (await this.resources(ref.apiVersion)).find((r) => r.kind === ref.kind);
    if (!resource) return undefined;
    const root = ref.apiVersion.includes('/') ? `/apis/${ref.apiVersion}` : `/api/${ref.apiVersion}`;
    const collection = resource.namespaced
      ? `${root}/namespaces/${encodeURIComponent(ref.namespace ?? defaultNamespace)}/${resource.name}`
      : `${root}/${resource.name}`;
    return { path: `${collection}/${encodeURIComponent(ref.name)}`, collection, namespaced: resource.namespaced };
  }

  /** Closes idle connections, so a command line exits at once. */
  close(): void {
    this.agent.destroy();
  }

  /** One request; rejects with a KUBE_REQUEST error on a network error or a non-2xx answer. */
  async request(
    method: string,
    path: string,
    options: { readonly body?: unknown; readonly contentType?: string; readonly allow404?: boolean } = {},
  ): Promise<{ status: number; body: unknown }> {
    const url = new URL(path, this.base);
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.connection.token) headers.Authorization = `Bearer ${this.connection.token}`;
    if (payload) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      headers['Content-Length'] = String(payload.length);
    }
    const transport = url.protocol === 'http:' ? http : https;
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = transport.request(url, { method, headers, agent: this.agent, timeout: this.timeoutMs }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      request.on('error', reject);
      request.end(payload);
    }).catch((e: Error) => {
      throw kubeRequestError(method, path, this.server, undefined, (e as NodeJS.ErrnoException).code ?? e.message);
    });
    if (status === 404 && options.allow404) return { status, body: undefined };
    let body: unknown;
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (status < 200 || status >= 300) {
      const message = (body as { message?: string } | undefined)?.message ?? text.slice(0, 200);
      throw kubeRequestError(method, path, this.server, status, message);
    }
    return { status, body };
  }
}

function serverUrl(connection: KubeConnection): URL {
  let url: URL | undefined;
  try {
    url = new URL(connection.server);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    ProfileError.throw(serverNotHttp(connection.source ?? connection.server, connection.server));
  }
  return url;
}

/**
 * The error of a failed API request: method, path and server, the status and the server's
 * message; never a header or a credential.
 */
export function kubeRequestError(method: string, path: string, server: string, status: number | undefined, message: string): ProfileError {
  return new ProfileError([kubeRequestFailed(server, method, path, status, message)]);
}
