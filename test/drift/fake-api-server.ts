// A fake Kubernetes API server on 127.0.0.1 for the drift tests: discovery of a few kinds, GET
// of objects, LIST with label selectors, DELETE; over HTTPS with a throwaway self-signed
// certificate (openssl) and a bearer token, or over plain HTTP. It records every request.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { encodeReleaseRecord } from '../../lib/drift/release-record';

type KubeObject = Record<string, any>;

/** Kinds the server serves: group version, kind, plural, namespaced. */
const KINDS: ReadonlyArray<[string, string, string, boolean]> = [
  ['v1', 'ConfigMap', 'configmaps', true],
  ['v1', 'Secret', 'secrets', true],
  ['v1', 'Service', 'services', true],
  ['v1', 'Namespace', 'namespaces', false],
  ['apps/v1', 'Deployment', 'deployments', true],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'customresourcedefinitions', false],
  ['demo.example.com/v1', 'Widget', 'widgets', true],
];

export interface FakeApiServer {
  readonly url: string;
  /** PEM of the CA that signed the server's certificate (HTTPS only). */
  readonly ca?: string;
  readonly token: string;
  /** `METHOD path` of every request, and the Authorization header it carried. */
  readonly requests: Array<{ line: string; authorization?: string }>;
  /** Adds or replaces an object (as the server would store it). */
  put(object: KubeObject): void;
  /** Removes an object. */
  remove(apiVersion: string, kind: string, name: string, namespace?: string): void;
  /** The stored object, for edits. */
  object(apiVersion: string, kind: string, name: string, namespace?: string): KubeObject;
  /** Stores revision `version` of a Helm release whose manifest is `objects` (as YAML JSON documents). */
  putRelease(name: string, namespace: string, version: number, status: string, objects: readonly KubeObject[], crds?: readonly KubeObject[]): void;
  close(): Promise<void>;
}

function pathOf(apiVersion: string, kind: string, name: string, namespace?: string): string {
  const entry = KINDS.find(([v, k]) => v === apiVersion && k === kind);
  if (!entry) throw new Error(`fake API server: no kind ${apiVersion} ${kind}`);
  const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return entry[3] ? `${root}/namespaces/${namespace ?? 'default'}/${entry[2]}/${name}` : `${root}/${entry[2]}/${name}`;
}

function matches(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  const labels = object.metadata?.labels ?? {};
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=');
    return labels[k] === v;
  });
}

/** RFC 7386: maps merge, null removes, anything else replaces. */
function mergePatch(target: any, patch: any): any {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete result[k];
    else result[k] = mergePatch(result[k], v);
  }
  return result;
}

/** Starts the server; `secure: false` serves plain HTTP. */
export async function startFakeApiServer(options: { secure?: boolean } = {}): Promise<FakeApiServer> {
  const secure = options.secure ?? true;
  const token = 'fake-token-3f9c1d';
  const objects = new Map<string, KubeObject>();
  const requests: FakeApiServer['requests'] = [];
  let uid = 0;

  const handler: http.RequestListener = (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    requests.push({ line: `${request.method} ${url.pathname}${url.search}`, authorization: request.headers.authorization });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    if (secure && request.headers.authorization !== `Bearer ${token}`) return send(401, { kind: 'Status', message: 'Unauthorized' });
    const discovery = KINDS.filter(([v]) => url.pathname === (v.includes('/') ? `/apis/${v}` : `/api/${v}`));
    if (discovery.length > 0) {
      return send(200, { kind: 'APIResourceList', resources: [...discovery.map(([, kind, name, namespaced]) => ({ name, kind, namespaced })), { name: 'deployments/status', kind: 'Deployment', namespaced: true }] });
    }
    if (request.method === 'DELETE') {
      const existed = objects.delete(url.pathname);
      return existed ? send(200, { kind: 'Status', status: 'Success' }) : send(404, { kind: 'Status', message: 'not found' });
    }
    const found = objects.get(url.pathname);
    if (request.method === 'PATCH') {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        if (!found) return send(404, { kind: 'Status', message: `${url.pathname} not found` });
        if (request.headers['content-type'] !== 'application/merge-patch+json') return send(415, { kind: 'Status', message: 'only merge patches' });
        const patched = mergePatch(found, JSON.parse(Buffer.concat(chunks).toString('utf8')));
        objects.set(url.pathname, patched);
        send(200, patched);
      });
      return;
    }
    if (found) return send(200, found);
    const prefix = `${url.pathname}/`;
    const items = [...objects.entries()].filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map(([, o]) => o);
    const isCollection = KINDS.some(([, , plural]) => url.pathname.endsWith(`/${plural}`));
    if (isCollection) return send(200, { kind: 'List', items: items.filter((o) => matches(o, url.searchParams.get('labelSelector'))) });
    return send(404, { kind: 'Status', message: `${url.pathname} not found` });
  };

  let server: http.Server;
  let ca: string | undefined;
  if (secure) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-api-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    ca = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    server = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert: ca }, handler);
    fs.rmSync(dir, { recursive: true, force: true });
  } else {
    server = http.createServer(handler);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const api: FakeApiServer = {
    url: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`,
    ca,
    token,
    requests,
    put(object) {
      const m = object.metadata;
      const stored = { ...object, metadata: { uid: `uid-${++uid}`, resourceVersion: String(100 + uid), creationTimestamp: '2026-01-01T00:00:00Z', ...m } };
      objects.set(pathOf(object.apiVersion, object.kind, m.name, m.namespace), stored);
    },
    remove(apiVersion, kind, name, namespace) {
      objects.delete(pathOf(apiVersion, kind, name, namespace));
    },
    object(apiVersion, kind, name, namespace) {
      const o = objects.get(pathOf(apiVersion, kind, name, namespace));
      if (!o) throw new Error(`fake API server: no ${kind} ${name}`);
      return o;
    },
    putRelease(name, namespace, version, status, manifestObjects, crds = []) {
      const files = crds.map((c) => ({ name: `crds/${c.metadata.name}.yaml`, data: Buffer.from(JSON.stringify(c)).toString('base64') }));
      const manifest = manifestObjects.map((o) => `---\n# Source: chart/templates/${o.kind.toLowerCase()}.yaml\n${JSON.stringify(o, null, 2)}\n`).join('');
      api.put({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'helm.sh/release.v1',
        metadata: { name: `sh.helm.release.v1.${name}.v${version}`, namespace, labels: { owner: 'helm', name, status, version: String(version) } },
        data: { release: encodeReleaseRecord({ name, namespace, version, info: { status }, manifest, config: {}, chart: { metadata: { name }, files: [{ name: 'README.md', data: 'SGk=' }, ...files] } }) },
      });
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
  return api;
}

/** Writes a kubeconfig that reaches `api` with its CA and bearer token. */
export function writeKubeconfig(file: string, api: FakeApiServer): void {
  fs.writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{ name: fake, cluster: { server: "${api.url}", certificate-authority-data: "${Buffer.from(api.ca!).toString('base64')}" } }]`,
      `users: [{ name: admin, user: { token: "${api.token}" } }]`,
      'contexts: [{ name: fake, context: { cluster: fake, user: admin } }]',
      'current-context: fake',
    ].join('\n'),
  );
}
