import { App } from 'cdktf';
import { exportProfile, importProfile, PROFILE_DOCUMENT_SCHEMA, readProfileDocument } from '../../lib';
import { validateJson } from '../../lib/document/json-schema';
import { profileError } from '../helpers';
import { fixtureText, platformProfiles } from './fixtures';

/** The line an error about a Palette document adds when Palette's format refuses the same. */
const PALETTE_RULE = "  a rule of Palette's format: Palette refuses this too";

/** The add-on profile of the platform fixture as a mutable document. */
function appsDocument(): any {
  return JSON.parse(JSON.stringify(exportProfile(platformProfiles(new App()).addons)));
}

describe('readProfileDocument', () => {
  it('checks the document against the schema and names the JSONPath of every violation', () => {
    const document = appsDocument();
    delete document.metadata.name;
    document.kind = 'Profile';
    document.spec.version = '1.0';
    document.spec.template.packs[0].layer = 'network';
    document.spec.template.packs[1]['x-cluster-profiles'].prority = 5;
    document.spec.template.packs[1]['x-cluster-profiles'].priority = '10';
    document.spec.template.packs[2].type = 'kubernetes';
    document.spec.variables[0].format = 'text';
    expect(profileError(() => readProfileDocument(document, 'apps.json')).message).toBe(
      [
        'INVALID_DOCUMENT at apps.json: $.kind: is "Profile", but must be "ClusterProfile"',
        '  fix: write "ClusterProfile" (the kind this library writes; Palette\'s exports have none)',
        'INVALID_DOCUMENT at apps.json: $.metadata.name: is missing',
        "  fix: add \"name\": the profile's name; Palette's may hold spaces and capitals",
        'INVALID_DOCUMENT at apps.json: $.spec.template.packs[0].layer: is "network", but must be one of "os", "k8s", "cni", "csi", "addon"',
        '  fix: use one of those',
        "INVALID_DOCUMENT at apps.json: $.spec.template.packs[1]['x-cluster-profiles'].priority: is \"10\", but must be a whole number",
        '  fix: give a whole number',
        "INVALID_DOCUMENT at apps.json: $.spec.template.packs[1]['x-cluster-profiles'].prority: is not a known field",
        '  fix: remove it; the known fields are pack, namespace, createNamespace, releaseName, priority, dependsOn, includePrerelease, protect, kubernetesVersion, release, readiness, drift (did you mean "priority"?)',
        'INVALID_DOCUMENT at apps.json: $.spec.template.packs[2].layer: is "addon", but must be "k8s"',
        '  fix: write "k8s" (a Kubernetes layer is the k8s layer)',
        'INVALID_DOCUMENT at apps.json: $.spec.template.packs[2].tag: is missing',
        '  fix: add "tag"',
        'INVALID_DOCUMENT at apps.json: $.spec.variables[0].format: is "text", but must be one of "string", "number", "boolean", "version", "ipv4", "ipv4cidr", "ipv6", "base64"',
        '  fix: use one of those',
        'INVALID_DOCUMENT at apps.json: $.spec.version: is "1.0", but must be a strict semantic version: MAJOR.MINOR.PATCH, with an optional pre-release',
        '  fix: write a value such as "1.0.0" or "1.2.3-rc.1"',
      ].join('\n'),
    );
  });

  it('checks what the schema cannot: distinct names, chart sources, YAML values and manifests', () => {
    const document = appsDocument();
    document.spec.template.packs[3].name = 'web';
    document.spec.template.packs[2].registry = { oci: 'oci://ghcr.io/grafana/helm-charts/grafana', local: 'charts/grafana' };
    document.spec.template.packs[1].registry = { repository: 'https://charts.example.com' };
    document.spec.template.packs[0].values = '- a\n- b\n';
    document.spec.template.packs[0].manifests[1].content = 'kind: [ConfigMap\n';
    document.spec.template.packs[3].manifests = [{ name: 'extra', content: 'kind: ConfigMap\n' }];
    document.spec.template.packs[3].values = 'replicas: 1\n  port: 80\n';
    document.spec.variables[2].name = 'region';
    expect(profileError(() => readProfileDocument(JSON.stringify(document))).message).toBe(
      [
        'INVALID_DOCUMENT at $.spec.template.packs[0].manifests[1].content: line 2, column 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
        '  fix: correct the YAML at that line (check indentation, quotes and the ": " after each key)',
        'INVALID_DOCUMENT at $.spec.template.packs[0].values: values YAML is not a map of keys to values',
        '  fix: give values as one YAML map, e.g. "replicaCount: 2"',
        'INVALID_DOCUMENT at $.spec.template.packs[1].registry.chart: is missing',
        '  fix: add "chart": the chart\'s name in the repository',
        'INVALID_DOCUMENT at $.spec.template.packs[2].registry: names 2 chart sources (oci, local)',
        '  fix: give exactly one of repository (with chart), oci, local, or metadata (a pack registry)',
        'INVALID_DOCUMENT at $.spec.template.packs[3].manifests: are attached to a spectro layer, which cannot carry manifests here',
        '  fix: move the objects to a manifest layer of their own',
        'INVALID_DOCUMENT at $.spec.template.packs[3].name: repeats the layer name "web" of $.spec.template.packs[1]',
        '  fix: give every layer of a profile a distinct name',
        'INVALID_DOCUMENT at $.spec.template.packs[3].values: line 1, column 11: invalid YAML: Nested mappings are not allowed in compact mappings',
        '  fix: correct the YAML at that line (check indentation, quotes and the ": " after each key)',
        'INVALID_DOCUMENT at $.spec.variables[2].name: repeats the variable name "region"',
        '  fix: give every variable of a profile a distinct name',
      ].join('\n'),
    );
  });

  it('fails on text that is not JSON, and on JSON that is not an object', () => {
    expect(profileError(() => readProfileDocument('{"metadata": ', 'a.json')).message).toBe(
      'INVALID_DOCUMENT at a.json: $: is not valid JSON: Unexpected end of JSON input\n  fix: give the JSON text of a profile document, as exportProfile and synth write it',
    );
    expect(profileError(() => readProfileDocument('[]')).message).toBe('INVALID_DOCUMENT at $: is a list, but must be an object\n  fix: give an object');
  });

  it('fails on values that only a document given as an object can hold, naming them', () => {
    expect(profileError(() => readProfileDocument(undefined)).message).toBe('INVALID_DOCUMENT at $: is undefined, but must be an object\n  fix: give an object');
    const document = { metadata: { name: () => 'x' }, spec: { version: BigInt(1), template: { type: Object.create(null), packs: [] } } };
    expect(profileError(() => readProfileDocument(document)).message).toBe(
      [
        'INVALID_DOCUMENT at $.metadata.name: is a function, but must be a string',
        PALETTE_RULE,
        '  fix: give a string',
        'INVALID_DOCUMENT at $.spec.template.type: is an object, but must be one of "infra", "add-on", "cluster"',
        PALETTE_RULE,
        '  fix: use one of those',
        'INVALID_DOCUMENT at $.spec.version: is a bigint, but must be a string',
        PALETTE_RULE,
        '  fix: give a string',
      ].join('\n'),
    );
  });

  it('is what importProfile checks first, before anything is declared', () => {
    const document = appsDocument();
    document.spec.template.packs[1].registry = { oci: 'https://charts.example.com/web' };
    const app = new App();
    expect(profileError(() => importProfile(app, 'apps', document)).message).toBe(
      'INVALID_DOCUMENT at $.spec.template.packs[1].registry.oci: is "https://charts.example.com/web", but must be an OCI chart reference\n  fix: write a value such as "oci://ghcr.io/stefanprodan/charts/podinfo"',
    );
    expect(app.node.children).toEqual([]);
  });

  it('accepts the fields Palette writes that this library does not read', () => {
    expect(readProfileDocument(fixtureText('palette-ml-ops.json')).metadata).toEqual({
      name: 'ml-ops',
      description: 'Machine learning platform',
      labels: { AI: 'spectro__tag', env: 'dev' },
    });
  });
});

describe('the JSON Schema validator', () => {
  it('refuses a schema with a keyword it does not check, so the schema cannot ask for more than is checked', () => {
    expect(() => validateJson({ type: 'object', properties: { a: { type: 'string', format: 'email' } }, oneOf: [] }, {})).toThrow(
      'the schema uses keywords this validator does not check: #/properties/a/format, #/oneOf',
    );
  });

  it('checks the profile document schema in full', () => {
    expect(validateJson(PROFILE_DOCUMENT_SCHEMA, JSON.parse(fixtureText('palette-ml-ops.json')))).toEqual([]);
  });

  it('writes JSONPaths with brackets for keys that are not identifiers', () => {
    expect(validateJson({ type: 'object', properties: { 'a-b': { type: 'object', properties: { "it's": { type: 'string' } } } } }, { 'a-b': { "it's": 1 } })).toEqual([
      { path: "$['a-b']['it\\'s']", message: 'is 1, but must be a string', fix: 'give a string' },
    ]);
  });
});
