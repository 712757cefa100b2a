import { pathStyleProblem } from './path-style';

describe('the path style of diagnostics', () => {
  it.each([
    'addons/web',
    'addons/web: values',
    'stack/prod: variable zone of profile apps',
    'ClusterConnection.token',
    'reg/calico-3.30.3/pack.json: version',
    'cdktf.out/fleet/edge/rollout.json',
    '../fixtures/kubeconfig: context e2e',
    'https://charts.example.com/index.yaml: line 3, column 1',
    'apps.json: $.spec.template.packs[0].values',
    '$.spec.version',
    'clusters/edge/gates/stuck.json',
  ])('accepts %s', (path) => {
    expect(pathStyleProblem(path)).toBeUndefined();
  });

  it.each([
    ['registry local', '"registry local": "registry local" is neither a construct path, a factory, a file, a registry, a URL nor a JSONPath'],
    ['cluster a, layer b', '"cluster a, layer b": "cluster a, layer b" is neither a construct path, a factory, a file, a registry, a URL nor a JSONPath'],
    ['addons/web (values)', '"addons/web (values)": "addons/web (values)" is neither a construct path, a factory, a file, a registry, a URL nor a JSONPath'],
    ['SensitiveValue.fromVariable("x")', '"SensitiveValue.fromVariable("x")": "SensitiveValue.fromVariable("x")" is neither a construct path, a factory, a file, a registry, a URL nor a JSONPath'],
    ['x: index.yaml: line 1', '"x: index.yaml: line 1" has more than one ": "'],
    ['/tmp/abs/file.yaml', '"/tmp/abs/file.yaml": "/tmp/abs/file.yaml" is neither a construct path, a factory, a file, a registry, a URL nor a JSONPath'],
    ['C:\\packs\\a', '"C:\\packs\\a" has a backslash'],
  ])('fails on %s', (path, problem) => {
    expect(pathStyleProblem(path)).toBe(problem);
  });
});
