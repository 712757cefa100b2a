// A Helm chart repository served on loopback: the charts of test/e2e/charts, packaged by the
// helm CLI of the control plane, indexed, and served by a small HTTP server in the test process.
import * as fs from 'node:fs';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { run } from './processes';
import { REPO_ROOT, runSubdir } from './run-dir';

export interface ChartRepository {
  readonly url: string;
  close(): Promise<void>;
}

/** Packages `charts` (folders under test/e2e/charts) and serves them with an index.yaml. */
export async function serveChartRepository(helm: string, charts: readonly string[]): Promise<ChartRepository> {
  const dir = runSubdir('chart-repository');
  for (const chart of charts) await run(helm, ['package', path.join(REPO_ROOT, 'test', 'e2e', 'charts', chart), '-d', dir]);
  const server = http.createServer((request, response) => {
    const file = path.join(dir, path.basename(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await run(helm, ['repo', 'index', dir, '--url', url]);
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
