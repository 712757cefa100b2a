import { SensitiveValue } from '../../lib';
import { mergeValues } from '../../lib/values/merge';

describe('mergeValues', () => {
  it('merges maps key by key, later sources winning', () => {
    const merged = mergeValues([
      { source: 'layer', values: { controller: { replicas: 1, image: 'a' }, debug: false } },
      { source: 'profile', values: { controller: { replicas: 2 } } },
      { source: 'cluster', values: { debug: true } },
    ]);
    expect(merged.values).toEqual({ controller: { replicas: 2, image: 'a' }, debug: true });
  });

  it('replaces lists whole instead of merging them', () => {
    const merged = mergeValues([
      { source: 'layer', values: { args: ['--a', '--b'], hosts: [{ name: 'x', port: 1 }] } },
      { source: 'cluster', values: { args: ['--c'] } },
    ]);
    expect(merged.values).toEqual({ args: ['--c'], hosts: [{ name: 'x', port: 1 }] });
    expect(merged.provenance).toEqual({ 'args[0]': 'cluster', 'hosts[0].name': 'layer', 'hosts[0].port': 'layer' });
  });

  it('removes a key set to null, with everything under it', () => {
    const merged = mergeValues([
      { source: 'layer', values: { metrics: { enabled: true, port: 9090 }, keep: 1 } },
      { source: 'profile', values: { metrics: null } },
    ]);
    expect(merged.values).toEqual({ keep: 1 });
    expect(merged.provenance).toEqual({ keep: 'layer' });
  });

  it('replaces a map with a scalar and a scalar with a map', () => {
    const merged = mergeValues([
      { source: 'layer', values: { a: { b: 1 }, c: 'x' } },
      { source: 'cluster', values: { a: 'flat', c: { d: 2 } } },
    ]);
    expect(merged.values).toEqual({ a: 'flat', c: { d: 2 } });
    expect(merged.provenance).toEqual({ a: 'cluster', 'c.d': 'cluster' });
  });

  it('records which source set every leaf, escaping dots inside keys', () => {
    const merged = mergeValues([
      { source: 'layer', values: { podAnnotations: { 'prometheus.io/scrape': 'true' }, replicas: 1 } },
      { source: 'profile', values: { replicas: 3 } },
    ]);
    expect(merged.provenance).toEqual({ 'podAnnotations.prometheus\\.io/scrape': 'layer', replicas: 'profile' });
  });

  it('never mutates its inputs', () => {
    const layer = { a: { b: 1 } };
    const cluster = { a: { c: 2 } };
    mergeValues([
      { source: 'layer', values: layer },
      { source: 'cluster', values: cluster },
    ]);
    expect(layer).toEqual({ a: { b: 1 } });
    expect(cluster).toEqual({ a: { c: 2 } });
  });

  it('keeps sensitive values as leaves', () => {
    const secret = SensitiveValue.fromVariable('db_password');
    const merged = mergeValues([
      { source: 'layer', values: { db: { password: 'placeholder' } } },
      { source: 'cluster', values: { db: { password: secret } } },
    ]);
    expect((merged.values.db as any).password).toBe(secret);
    expect(merged.provenance).toEqual({ 'db.password': 'cluster' });
  });
});
