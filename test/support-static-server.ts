import { ChildProcess, spawn } from 'child_process';

/**
 * Serves a folder over HTTP on 127.0.0.1 from a child process. Registries read URLs
 * synchronously (synth cannot wait for a promise), which would block a server running in the
 * test's own process; a child process keeps serving. Counts requests per path, so tests can
 * prove that a locked synth reads nothing.
 */
export interface StaticServer {
  readonly url: string;
  /** Requests served so far, by path. */
  requests(): Promise<Record<string, number>>;
  close(): void;
}

const SERVER = `
const http = require('http'), fs = require('fs'), path = require('path');
const root = process.argv[1]; const counts = {};
http.createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (name === '/__requests') { res.end(JSON.stringify(counts)); return; }
  counts[name] = (counts[name] || 0) + 1;
  const file = path.join(root, path.basename(name));
  if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
  res.end(fs.readFileSync(file));
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

export async function serveFolder(folder: string): Promise<StaticServer> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER, folder], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requests: async () => (await (await fetch(`${url}/__requests`)).json()) as Record<string, number>,
    close: () => child.kill(),
  };
}
