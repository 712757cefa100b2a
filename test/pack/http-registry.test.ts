import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { canonicalYaml, HelmRepositoryRegistry, PackCatalog } from '../../lib';
import { blobDigest } from '../../lib/pack';
import { profileError, tempDir } from '../helpers';
import { chartArchive } from './fixtures';

/**
 * A static file server on 127.0.0.1 in a child process: registries read http(s) synchronously
 * through a child process of their own, which a server in the test's process, blocked meanwhile,
 * could never answer. It prints its port, then one line per request.
 */
const SERVER = `
const http = require('http'); const fs = require('fs'); const path = require('path');
const root = process.argv[1];
http.createServer((req, res) => {
  process.stdout.write('GET ' + req.url + '\\n');
  const file = path.join(root, decodeURIComponent(req.url.split('?')[0]));
  if (!file.startsWith(root) || !fs.existsSync(file)) { res.writeHead(404); res.end('not found'); return; }
  res.writeHead(200); res.end(fs.readFileSync(file));
}).listen(0, '127.0.0.1', function () { process.stdout.write('PORT ' + this.address().port + '\\n'); });
`;

describe('HelmRepositoryRegistry over HTTP', () => {
  let server: ChildProcess;
  let url: string;
  const requests: string[] = [];
  const repo = tempDir('http-repo-');

  beforeAll(async () => {
    const entries: Record<string, object[]> = { web: [] };
    for (const version of ['1.0.0', '1.2.0', '2.0.0-rc.1']) {
      const archive = chartArchive('web', version, `replicas: ${version.startsWith('1.2') ? 2 : 1}\n`);
      fs.writeFileSync(path.join(repo, `web-${version}.tgz`), archive);
      entries.web.push({ name: 'web', version, urls: [`web-${version}.tgz`], digest: blobDigest(archive).slice('sha256:'.length) });
    }
    fs.writeFileSync(path.join(repo, 'index.yaml'), canonicalYaml({ apiVersion: 'v1', entries }));
    server = spawn(process.execPath, ['-e', SERVER, repo], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise<string>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`the test server exited with ${code}`)));
      let buffered = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith('PORT ')) resolve(`http://127.0.0.1:${line.slice(5)}`);
          else requests.push(line);
        }
      });
    });
  });

  afterAll(() => {
    server.kill();
    fs.rmSync(repo, { recursive: true, force: true });
  });

  /** Waits until the server has reported `count` requests; its output arrives asynchronously. */
  async function requestsSoFar(count: number, attempts = 100): Promise<string[]> {
    for (let i = 0; i < attempts && requests.length < count; i++) await new Promise((r) => setTimeout(r, 20));
    return [...requests];
  }

  it('resolves a train through index.yaml served on loopback, and reads each archive once', async () => {
    const cache = tempDir('http-cache-');
    const catalog = new PackCatalog(new App(), 'packs', {
      registries: [new HelmRepositoryRegistry(url, 'charts', cache)],
      lockfile: path.join(tempDir(), 'cluster-profiles.lock.json'),
    });
    const resolved = catalog.resolve('web', '1.x', 'apps/web');
    expect([resolved.pack.manifest.version, resolved.registry]).toEqual(['1.2.0', 'charts']);
    expect(resolved.pack.values).toEqual({}); // the chart keeps its own defaults
    expect(catalog.resolve('web', '2.x', 'apps/next', true).pack.manifest.version).toBe('2.0.0-rc.1');
    expect(await requestsSoFar(3)).toEqual(['GET /index.yaml', 'GET /web-1.2.0.tgz', 'GET /web-2.0.0-rc.1.tgz']);
    // A new registry on the same cache loads the archive without the network.
    new HelmRepositoryRegistry(url, 'charts', cache).load('web', '1.2.0');
    expect(await requestsSoFar(4, 10)).toHaveLength(3);
  });

  it('fails with REGISTRY_UNREACHABLE naming the URL and the HTTP status when the server has no index', () => {
    const error = profileError(() => new HelmRepositoryRegistry(`${url}/missing`, 'gone', tempDir()).versions('web'));
    expect(error.message).toBe(
      `REGISTRY_UNREACHABLE at gone: cannot read ${url}/missing/index.yaml: HTTP 404\n` +
        '  fix: check the registry URL and the network, or commit a lockfile entry so synth need not read the registry',
    );
  });
});
