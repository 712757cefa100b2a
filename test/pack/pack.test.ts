import { readPack } from '../../lib/pack/pack';
import { parsePresets, presetValues } from '../../lib/pack/presets';
import { profileError } from '../helpers';
import { packFiles, PackFixture } from './fixtures';

const base: PackFixture = { name: 'calico', version: '3.30.3', layer: 'cni', charts: { calico: 'mtu: 1450\n' }, values: 'pack:\n  namespace: calico\n' };

function read(overrides: Partial<PackFixture> = {}, mutate?: (files: Map<string, Buffer>) => void) {
  const files = packFiles({ ...base, ...overrides });
  mutate?.(files);
  return readPack(files, 'reg/calico-3.30.3');
}

describe('reading a pack', () => {
  it('reads pack.json, values, presets, schema and a content digest', () => {
    const pack = read({
      presets: 'presets:\n  - name: jumbo\n    group: MTU\n    add: |\n      charts:\n        calico:\n          mtu: 8950\n',
      schema: 'charts.calico.mtu:\n  schema: \'{{ required | format "${number:[576-9000]}" }}\'\n',
      dependencies: [{ packName: 'kubernetes', layer: 'k8s', minVersion: '1.30.0', type: 'required' }],
    });
    expect(pack.manifest).toMatchObject({ name: 'calico', version: '3.30.3', layer: 'cni', charts: ['charts/calico-3.30.3.tgz'] });
    expect(pack.manifest.dependencies).toEqual([{ packName: 'kubernetes', layer: 'k8s', minVersion: '1.30.0', maxVersion: undefined, type: 'required' }]);
    expect(pack.presets).toEqual([{ name: 'jumbo', displayName: 'jumbo', group: 'MTU', remove: [], add: { charts: { calico: { mtu: 8950 } } } }]);
    expect(pack.schema).toEqual([{ path: 'charts.calico.mtu', required: true, readonly: false, format: '${number:[576-9000]}' }]);
    expect(pack.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  const errors: Array<[string, () => unknown, string]> = [
    [
      'pack.json that is not JSON',
      () => read({}, (f) => f.set('pack.json', Buffer.from('{"name": "calico",'))),
      'PACK_INVALID at reg/calico-3.30.3/pack.json: pack.json is not valid JSON: ',
    ],
    [
      'pack.json without a version',
      () => read({}, (f) => f.set('pack.json', Buffer.from('{"name": "calico", "layer": "cni"}'))),
      'PACK_INVALID at reg/calico-3.30.3/pack.json: version: version is missing\n  fix: set "version" in pack.json',
    ],
    [
      'pack.json with an unknown layer',
      () => read({ layer: 'network' }),
      'PACK_INVALID at reg/calico-3.30.3/pack.json: layer: layer "network" is not a supported layer\n  fix: use one of os, k8s, cni, csi, addon',
    ],
    [
      'a listed chart that is missing',
      () => read({}, (f) => f.delete('charts/calico-3.30.3.tgz')),
      'PACK_FILE_MISSING at reg/calico-3.30.3/pack.json: lists "charts/calico-3.30.3.tgz", which the pack does not contain\n  fix: add charts/calico-3.30.3.tgz to the pack, or remove it from pack.json',
    ],
    [
      'values.yaml with a bad line',
      () => read({ values: 'pack:\n  namespace: [calico\n' }),
      'INVALID_YAML at reg/calico-3.30.3/values.yaml: line 3, column 1: invalid YAML: ',
    ],
    [
      'a missing values.yaml',
      () => read({}, (f) => f.delete('values.yaml')),
      'PACK_INVALID at reg/calico-3.30.3/values.yaml: values.yaml is missing\n  fix: add values.yaml (it may be empty)',
    ],
    [
      'a non-numeric install priority',
      () => read({ values: 'pack:\n  spectrocloud.com/install-priority: high\n' }),
      'PACK_INVALID at reg/calico-3.30.3/values.yaml: pack.spectrocloud.com/install-priority: install priority "high" is not a whole number\n  fix: write a whole number in quotes, e.g. "10"',
    ],
    [
      'a preset without a group',
      () => read({ presets: 'presets:\n  - name: jumbo\n    add: "a: 1"\n' }),
      'PACK_INVALID at reg/calico-3.30.3/presets.yaml: presets[0]: preset ("jumbo") has no group\n  fix: give every preset a `group`; one preset per group can be chosen',
    ],
    [
      'a preset whose displayName is a map',
      () => read({ presets: 'presets:\n  - name: jumbo\n    group: MTU\n    displayName:\n      en: Jumbo frames\n' }),
      'PACK_INVALID at reg/calico-3.30.3/presets.yaml: presets[0]: preset ("jumbo") has a `displayName` that is not text\n  fix: write `displayName:` followed by the name people see',
    ],
    [
      'a schema whose string format is not a regular expression',
      () => read({ schema: 'host:\n  schema: \'{{ format "${string:[a-z}" }}\'\n' }),
      'PACK_INVALID at reg/calico-3.30.3/schema.yaml: host: schema.yaml entry has a format "${string:[a-z}" whose regular expression is not valid (Unterminated character class)\n  fix: write the constraint of ${string:...} as a regular expression without named groups, e.g. "${string:[a-z0-9-]+}"',
    ],
    [
      'a schema with an unknown format type',
      () => read({ schema: 'a.b:\n  schema: \'{{ format "${colour}" }}\'\n' }),
      'PACK_INVALID at reg/calico-3.30.3/schema.yaml: a.b: schema.yaml entry has an unknown format type "colour"\n  fix: use string, number, boolean, password, list, ipv4, version or input',
    ],
  ];
  it('applies a preset whose remove path goes through __proto__ to the values only, never to Object.prototype', () => {
    const presets = parsePresets('presets:\n  - name: jumbo\n    group: MTU\n    remove: [__proto__.toString, a.__proto__.polluted]\n', 'presets.yaml');
    const [removal] = presetValues(presets, ['jumbo'], 'base/cni');
    expect(Object.keys(removal)).toEqual(['__proto__', 'a']);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(String({})).toBe('[object Object]');
  });

  it.each(errors)('fails on %s', (_, fn, expected) => {
    const message = profileError(fn).message;
    if (expected.endsWith(': ')) expect(message.startsWith(expected)).toBe(true);
    else expect(message).toBe(expected);
  });
});
