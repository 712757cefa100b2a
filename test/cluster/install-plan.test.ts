import * as fs from 'fs';
import * as path from 'path';
import { App, DefaultTokenResolver, Fn, StringConcat, TerraformStack, TerraformVariable, Tokenization } from 'cdktf';
import { ChartSource, Cluster, ClusterConnection, SensitiveValue } from '../../lib';
import { addonProfile, tempDir } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'thing');

describe('install plan document', () => {
  let outdir: string;
  beforeEach(() => (outdir = tempDir()));
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  // writeFiles resolves tokens only in values that may hold one; the document must be what
  // resolving every tree gives.
  it('writes every layer\'s values as cdktf resolves them, tokens or not', () => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'stack');
    const tag = new TerraformVariable(stack, 'tag', { type: 'string' });
    const replicas = new TerraformVariable(stack, 'replicas', { type: 'number' });
    const addons = addonProfile(app);
    addons.addHelmLayer('plain', { chart, values: { a: 1, b: [true, null, 'text'], c: { d: 'no token', e: 1e300, 'f.g': '' } } });
    addons.addHelmLayer('literals', { chart, values: { template: 'a${b}c %{ if x }', scientific: '1e+5', braces: '#{x} &{y}' } });
    addons.addHelmLayer('string-token', { chart, values: { image: { tag: tag.stringValue, joined: Fn.join('-', ['v', tag.stringValue]) } } });
    addons.addHelmLayer('number-token', { chart, values: { replicas: replicas.numberValue } });
    addons.addHelmLayer('number-text', { chart, values: { text: `${replicas.numberValue} replicas` } });
    addons.addHelmLayer('function', { chart, values: { upper: Fn.upper(tag.stringValue) } });
    addons.addHelmLayer('secret', { chart, values: { password: SensitiveValue.fromVariable('password') } });
    const cluster = new Cluster(stack, 'prod', { connection: ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [addons] });
    app.synth();

    const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/stack/clusters/prod/install-plan.json'), 'utf8'));
    const resolver = new DefaultTokenResolver(new StringConcat());
    for (const layer of cluster.plan().layers) {
      const everything = Tokenization.resolve(JSON.parse(JSON.stringify(layer.values)), { scope: stack, preparing: false, resolver });
      expect(written.layers.find((l: { name: string }) => l.name === layer.name).values).toEqual(everything);
    }
    const values = (name: string) => written.layers.find((l: { name: string }) => l.name === name).values;
    expect(values('string-token').image).toEqual({ tag: '${var.tag}', joined: '${join("-", ["v", var.tag])}' });
    expect(values('number-token')).toEqual({ replicas: '${var.replicas}' });
    expect(values('number-text')).toEqual({ text: '${var.replicas} replicas' });
    expect(values('literals')).toEqual({ braces: '#{x} &{y}', scientific: '1e+5', template: 'a${b}c %{ if x }' });
  });
});
