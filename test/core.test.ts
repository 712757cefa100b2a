import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { planCluster } from '../lib/core';
import { addons, cluster, layer } from './plain-specs';

describe('the core', () => {
  it('plans plain data with no App: priorities group layers, dependsOn orders them, edges are reduced', () => {
    const result = planCluster(
      cluster([
        addons([
          layer('cert-manager'),
          layer('metrics'),
          layer('issuer', { priority: 10, dependsOn: ['cert-manager'] }),
        ]),
      ]),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.plan!.groups).toEqual([['cert-manager', 'metrics'], ['issuer']]);
    expect(result.plan!.edges.map((e) => [e.from, e.to, e.reason.kind])).toEqual([
      ['cert-manager', 'issuer', 'priority'],
      ['metrics', 'issuer', 'priority'],
    ]);
    const issuer = result.plan!.layers[2];
    expect([issuer.name, issuer.group, issuer.dependsOn, issuer.profile]).toEqual(['issuer', 1, ['cert-manager', 'metrics'], { name: 'apps', version: '1.0.0' }]);
  });

  it('merges layer, profile and cluster values, recording which source set each leaf', () => {
    const profile = { ...addons([layer('web', { values: { replicas: 1, image: 'web:1' } })]), values: new Map([['web', [{ replicas: 2 }]]]) };
    const result = planCluster(cluster([profile], { values: new Map([['web', [{ image: 'web:2' }]]]) }));
    expect(result.plan!.layers[0].values).toEqual({ image: 'web:2', replicas: 2 });
    expect(result.plan!.layers[0].provenance).toEqual({ image: 'cluster', replicas: 'profile' });
    expect('baseValues' in result.plan!.layers[0]).toBe(false);
  });

  it('returns every diagnostic instead of throwing: a cycle prints its loop with the reason of each edge', () => {
    const result = planCluster(cluster([addons([layer('a', { dependsOn: ['b'] }), layer('b', { dependsOn: ['a'] })])]));
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.message, d.details])).toEqual([
      ['LAYER_CYCLE', 'layers form a cycle: a -> b -> a', ['a -> b   (b.dependsOn)', 'b -> a   (a.dependsOn)']],
    ]);
  });

  it('asks its host which strings are deploy-time expressions, and checks only the others against variable formats', () => {
    const profile = { ...addons([layer('web', { values: { replicas: '{{.spectro.var.replicas}}' } })]), variables: [{ name: 'replicas', format: 'number' as const }] };
    const spec = cluster([profile], { variables: new Map([['replicas', 'var.replicas']]) });
    expect(planCluster(spec).diagnostics.map((d) => d.code)).toEqual(['INVALID_VARIABLE']);
    const planned = planCluster(spec, { isExpression: (s) => s.startsWith('var.') });
    expect(planned.plan!.layers[0].values).toEqual({ replicas: 'var.replicas' });
  });

  it('is written against cdktf\'s public API only: no token encoding parsed, no deep import', () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const offending = files(path.join(__dirname, '..', 'lib')).filter((f) => /TfToken\[|from 'cdktf\/lib/.test(fs.readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('loads with neither cdktf nor constructs', () => {
    const script = [
      "const core = require('./lib/core');",
      "const foreign = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](cdktf|constructs|@cdktf)[\\\\/]/.test(f));",
      'process.stdout.write(JSON.stringify({ planCluster: typeof core.planCluster, foreign }));',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ planCluster: 'function', foreign: [] });
  });
});
