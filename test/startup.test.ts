import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * What every process that loads the library pays before it does anything (bench/, cold start):
 * semver's package root and the yaml library are loaded only where lib/semver.ts and
 * lib/values/yaml.ts say.
 */
const LIB = path.join(__dirname, '..', 'lib');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
const importing = (pattern: RegExp) => sources(LIB).filter((f) => pattern.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(LIB, f));

/** Runs `script` in a fresh node process (TypeScript through tsx) from the repository root; its stdout as JSON. */
const runScript = (script: string): unknown =>
  JSON.parse(execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: path.join(__dirname, '..'), encoding: 'utf8' }));
/** An expression, in such a script, for whether the process has loaded the yaml library. */
const YAML_LOADED = 'Object.keys(require.cache).some((f) => /node_modules[\\\\/]yaml[\\\\/]/.test(f))';

describe('what loading the library loads', () => {
  it('takes semver functions from their own modules, through lib/semver.ts', () => {
    expect(importing(/from 'semver'|require\('semver'\)/)).toEqual([]);
  });

  it('loads the yaml library only on first use, through yamlLibrary()', () => {
    expect(importing(/^import (?!type ).*from 'yaml'/m)).toEqual([]);
    expect(importing(/require\('yaml'\)/)).toEqual(['values/yaml.ts']);
  });

  it('does not load the yaml library in a synth whose values are all written in TypeScript', () => {
    const script = [
      "const { App, TerraformStack } = require('cdktf');",
      "const lib = require('./lib');",
      "const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'plain-yaml-')) });",
      "const profile = new lib.AddonProfile(app, 'apps', { version: '1.0.0' });",
      "profile.addHelmLayer('web', { chart: lib.ChartSource.repository('https://charts.example.com', 'web'), version: '1.0.0', values: { replicas: 2, image: { tag: 'v1.2.0' }, args: ['--port=8080'] } });",
      "const stack = new TerraformStack(app, 'stack');",
      "new lib.Cluster(stack, 'prod', { connection: lib.ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [profile] });",
      'app.synth();',
      "const values = JSON.parse(require('fs').readFileSync(require('path').join(app.outdir, 'stacks/stack/cdk.tf.json'), 'utf8')).resource.helm_release.prod_web.values[0];",
      `process.stdout.write(JSON.stringify({ values, yamlLoaded: ${YAML_LOADED} }));`,
    ].join('\n');
    expect(runScript(script)).toEqual({ values: 'args:\n  - --port=8080\nimage:\n  tag: v1.2.0\nreplicas: 2\n', yamlLoaded: false });
  });

  it('writes every YAML text of a quickstart synth without the yaml library: values, chart files and manifests', () => {
    // Reading the quickstart's packs may still load the library; writing must not call it. Its
    // stringify is counted (canonicalYaml's only fallback), and each release's values text must
    // be plainYaml's own text of the tree it holds.
    const script = [
      "const fs = require('fs'), os = require('os'), path = require('path');",
      "const YAML = require('yaml');",
      'const stringify = YAML.stringify;',
      'const written = [];',
      'YAML.stringify = (value, ...rest) => { written.push(JSON.stringify(value)); return stringify(value, ...rest); };',
      "const { App } = require('cdktf');",
      "const { quickstart } = require('./examples/quickstart/app');",
      "const { plainYaml } = require('./lib/values/plain-yaml');",
      "const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'quickstart-yaml-')) });",
      'quickstart(app);',
      'app.synth();',
      "const releases = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks/quickstart/cdk.tf.json'), 'utf8')).resource.helm_release;",
      'const values = Object.values(releases).flatMap((release) => release.values ?? []);',
      "const notPlain = values.filter((text) => plainYaml(YAML.parse(text, { version: '1.1' })) !== text);",
      'fs.rmSync(app.outdir, { recursive: true, force: true });',
      'process.stdout.write(JSON.stringify({ values: values.length, notPlain, written }));',
    ].join('\n');
    expect(runScript(script)).toEqual({ values: 5, notPlain: [], written: [] });
  });

  it("does not load the yaml library to read the quickstart's packs (values, presets, schemas) and manifest files", () => {
    const script = [
      "const fs = require('fs');",
      "const path = require('path');",
      "const { readPack } = require('./lib/pack/pack');",
      "const { parseYamlDocuments } = require('./lib/values/yaml');",
      "const files = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));",
      "const packs = fs.readdirSync('examples/packs').map((name) => path.join('examples/packs', name));",
      'const read = packs.map((dir) => readPack(new Map(files(dir).map((f) => [path.relative(dir, f), fs.readFileSync(f)])), dir));',
      "const manifests = fs.readdirSync('examples/quickstart/manifests').map((f) => parseYamlDocuments(fs.readFileSync(path.join('examples/quickstart/manifests', f), 'utf8'), f));",
      'const presets = read.reduce((n, pack) => n + pack.presets.length, 0);',
      "const documents = manifests.reduce((n, d) => n + d.length, 0);",
      `process.stdout.write(JSON.stringify({ packs: read.length, presets, documents, yamlLoaded: ${YAML_LOADED} }));`,
    ].join('\n');
    expect(runScript(script)).toEqual({ packs: 7, presets: 4, documents: 1, yamlLoaded: false });
  });

  it('does not load the yaml library in a synth of the quickstart: its packs, manifests and values are plain YAML', () => {
    const script = [
      "const fs = require('fs'), os = require('os'), path = require('path');",
      "const { App } = require('cdktf');",
      "const { quickstart } = require('./examples/quickstart/app');",
      "const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'quickstart-no-yaml-')) });",
      'quickstart(app);',
      'app.synth();',
      "const releases = Object.keys(JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks/quickstart/cdk.tf.json'), 'utf8')).resource.helm_release).length;",
      'fs.rmSync(app.outdir, { recursive: true, force: true });',
      `process.stdout.write(JSON.stringify({ releases, yamlLoaded: ${YAML_LOADED} }));`,
    ].join('\n');
    expect(runScript(script)).toEqual({ releases: 7, yamlLoaded: false });
  });
  const readWithoutYaml = (kubeconfig: string): unknown => {
    const file = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'kubeconfig-')), 'config');
    fs.writeFileSync(file, kubeconfig);
    const script = [
      "const { readKubeconfig } = require('./lib/kube/kubeconfig');",
      `const connection = readKubeconfig(${JSON.stringify(file)});`,
      `process.stdout.write(JSON.stringify({ server: connection.server, ca: connection.certificateAuthority, key: connection.clientKey, yamlLoaded: ${YAML_LOADED} }));`,
    ].join('\n');
    return runScript(script);
  };

  it("does not load the yaml library to read a kubeconfig as kubectl writes it (each readiness gate's waiter reads one)", () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const kubeconfig = [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      `    certificate-authority-data: ${b64('CA PEM')}`,
      '    server: https://127.0.0.1:6443',
      '  name: edge-1',
      'contexts:',
      '- context:',
      '    cluster: edge-1',
      '    user: admin',
      '  name: edge-1',
      'current-context: edge-1',
      'kind: Config',
      'preferences: {}',
      'users:',
      '- name: admin',
      '  user:',
      `    client-certificate-data: ${b64('CERT PEM')}`,
      `    client-key-data: ${b64('KEY PEM')}`,
      '',
    ].join('\n');
    expect(readWithoutYaml(kubeconfig)).toEqual({ server: 'https://127.0.0.1:6443', ca: 'CA PEM', key: 'KEY PEM', yamlLoaded: false });
  });

  it('does not load the yaml library for a kubeconfig written by hand with one-line flow maps (as the e2e control plane writes its own)', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'kubeconfig-files-'));
    fs.writeFileSync(path.join(dir, 'ca.crt'), 'CA PEM');
    fs.writeFileSync(path.join(dir, 'admin.key'), 'KEY PEM');
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: e2e',
      `  cluster: { server: "https://127.0.0.1:6443", certificate-authority: "${dir}/ca.crt" }`,
      'users:',
      '- name: e2e-admin',
      `  user: { client-certificate: "${dir}/ca.crt", client-key: "${dir}/admin.key" }`,
      'contexts:',
      '- name: e2e',
      '  context: { cluster: e2e, user: e2e-admin }',
      'current-context: e2e',
      '',
    ].join('\n');
    expect(readWithoutYaml(kubeconfig)).toEqual({ server: 'https://127.0.0.1:6443', ca: 'CA PEM', key: 'KEY PEM', yamlLoaded: false });
  });
});
