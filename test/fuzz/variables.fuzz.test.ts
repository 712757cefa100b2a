import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable, Token } from 'cdktf';
import * as fc from 'fast-check';
import { AddonProfile, canonicalYaml, ChartSource, Profile, SensitiveValue, VARIABLE_FORMATS, VariableDefinition, VariableValue } from '../../lib';
import { checkVariableDefinition, formatProblem } from '../../lib/profile/variable';
import { isPlainObject } from '../../lib/values/merge';
import { clusterIn, filesUnder, infraProfile, tempDir, testApp } from '../helpers';
import { anyKey, anyText, jsonScalar, longRun, trickyKeys } from './arbitraries';
import { fuzz, FUZZ_TEST_TIMEOUT_MS, outcome, settles, silenceProcessWarnings } from './harness';

const chart = ChartSource.repository('https://charts.example.com', 'thing');

/** The variables every generated profile declares: one of each kind the planner treats apart. */
const VARIABLES: VariableDefinition[] = [
  { name: 'replicas', format: 'number', default: 2 },
  { name: 'domain', required: true, regex: '[a-z.]+' },
  { name: 'flag', format: 'boolean', default: false },
  { name: 'secret', sensitive: true },
  { name: 'tier', readOnly: true, default: 'gold' },
  { name: 'cidr', format: 'ipv4cidr', default: '10.42.0.0/16' },
];

const SYSTEM_MACROS = [
  'cluster.name', 'stack.name', 'clusterprofile.name', 'clusterprofile.version', 'clusterprofile.infra.name', 'clusterprofile.infra.version',
  'kubernetes.version', 'layer.name', 'layer.namespace',
];

/** A name in an expression: mostly one that exists, sometimes a near miss, a key objects inherit, or junk. */
function nameFrom(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 5 },
    { arbitrary: fc.constantFrom('constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'x', 'a.b', '[0]', '-'), weight: 2 },
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9_.[\]-]{1,12}$/), weight: 1 },
  );
}

/** `.spectro.<kind>.<path>`, with paths that exist and paths that do not. */
const reference = fc.oneof(
  nameFrom(VARIABLES.map((v) => v.name)).map((n) => `.spectro.var.${n}`),
  nameFrom(SYSTEM_MACROS).map((n) => `.spectro.system.${n}`),
  nameFrom(['region', 'team']).map((n) => `.spectro.macro.${n}`),
  fc
    .tuple(nameFrom(['web', 'db', 'k8s', 'cni', 'thing']), nameFrom(['replicas', 'image.tag', 'list[0]', 'list[1]', 'list[0][0]', 'podCIDR', 'deep.a.b', 'missing']))
    .map(([layer, valuePath]) => `.spectro.pack.${layer}.${valuePath}`),
  fc.constantFrom('.Values.x', '.spectro', '.spectro.var', '.spectro.other.x', 'spectro.var.x', '.spectro.var.'),
);

/** A pipe: every supported function, with good and bad arguments, and unknown ones. */
const pipe = fc.oneof(
  fc.constantFrom('default "x"', 'default x', 'default', 'default ""', 'default "a\\"b"', 'upper', 'lower', 'trim', 'quote', 'substr 0 4', 'substr 2', 'substr a b', 'substr -3 -1', 'b64enc', 'replace "a" "b"', '', ' '),
  fc.stringMatching(/^[a-z]{1,6}( [a-z0-9"]{1,4})?$/),
);

/** One expression, usually well formed; sometimes missing a brace, spaced oddly, or with many pipes. */
const expression = fc
  .tuple(
    fc.constantFrom('{{', '{{ ', '{{  ', '{{-', '{ {', '{{{'),
    reference,
    fc.array(pipe, { maxLength: 4 }),
    fc.constantFrom('}}', ' }}', '  }}', '}', '', ' }}}', '-}}'),
  )
  .map(([open, ref, pipes, close]) => `${open}${ref}${pipes.map((p) => ` | ${p}`).join('')}${close}`);

/** A value string: an expression alone, inside text, several of them, or something huge. */
const valueText = fc.oneof(
  { arbitrary: expression, weight: 6 },
  { arbitrary: fc.tuple(anyText, expression, anyText).map((parts) => parts.join('')), weight: 3 },
  { arbitrary: fc.array(expression, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('-')), weight: 2 },
  { arbitrary: anyText, weight: 1 },
);

/** Layer values that hold expressions, as leaves of maps and lists. */
const expressionValues = fc.dictionary(
  fc.oneof(fc.constantFrom('replicas', 'host', 'labels', 'list', 'image', 'podCIDR'), anyKey),
  fc.oneof(valueText, fc.array(valueText, { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'tag', 'b'), valueText, { maxKeys: 2 }), jsonScalar),
  { maxKeys: 4 },
);

/** What a cluster gives a variable: literals of the right and wrong formats, a secret, or a Terraform expression. */
const variableValue = fc.oneof(
  fc.constantFrom('3', 'many', 'example.com', 'Example.COM', 'true', '10.0.0.0/8', '10.0.0.0/33', '', '{{ .spectro.var.replicas }}'),
  fc.integer(),
  fc.boolean(),
  anyText,
  fc.constantFrom('SECRET', 'TOKEN'),
);

/** The case of one property run: values of two add-on layers and a Kubernetes layer, variables and macros. */
const clusterCase = fc.record({
  web: expressionValues,
  db: expressionValues,
  k8s: expressionValues,
  // Variable errors stop planning before expressions resolve, so most cases give valid values only.
  variables: fc.oneof(
    { arbitrary: fc.constant({ domain: 'example.com' }), weight: 3 },
    { arbitrary: fc.constantFrom({ domain: 'a.b', replicas: '3', flag: 'true', secret: 'SECRET' }, { domain: 'TOKEN', cidr: '10.0.0.0/8', replicas: 7 }), weight: 2 },
    { arbitrary: fc.dictionary(nameFrom(VARIABLES.map((v) => v.name)), variableValue, { maxKeys: 4 }), weight: 1 },
  ),
  macros: fc.dictionary(nameFrom(['region', 'team']), fc.oneof(anyText, fc.constantFrom('eu-1', '{{ .spectro.macro.team }}')), { maxKeys: 3 }),
  withInfra: fc.boolean(),
});

type ClusterCase = typeof clusterCase extends fc.Arbitrary<infer T> ? T : never;

/** An app with the case's profiles on one cluster. */
function buildCluster(app: App, c: ClusterCase) {
  const addons = new AddonProfile(app, 'apps', { version: '1.2.0', variables: VARIABLES });
  addons.addHelmLayer('web', { chart, namespace: 'web', values: c.web });
  addons.addHelmLayer('db', { chart, namespace: 'db', values: c.db });
  const profiles: Profile[] = [addons];
  if (c.withInfra) {
    const infra = infraProfile(app);
    infra.node.tryRemoveChild('k8s');
    infra.addKubernetesLayer('k8s', { version: '1.34.x', values: c.k8s });
    profiles.unshift(infra);
  }
  const cluster = clusterIn(app, { profiles });
  const stack = cluster.node.scope as TerraformStack;
  const token = new TerraformVariable(stack, 'domain_input', { type: 'string' }).stringValue;
  const given = (v: unknown) => (v === 'TOKEN' ? token : v === 'SECRET' ? SensitiveValue.fromVariable('secret') : v);
  cluster.setVariables(Object.fromEntries(Object.entries(c.variables).map(([k, v]) => [k, given(v)])) as Record<string, VariableValue>);
  cluster.setMacros(c.macros);
  return cluster;
}

/** Planned values hold data only: maps, lists, scalars, secrets and Terraform expressions. Never a function or a prototype. */
function isData(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (SensitiveValue.isSensitive(value)) return true;
  if (Array.isArray(value)) return value.every(isData);
  return isPlainObject(value) && value !== Object.prototype && Object.values(value).every(isData);
}

describe('fuzz: variables, macros and pack references', () => {
  silenceProcessWarnings();

  it('plans values with any expressions, variables and macros, or reports ProfileErrors; planned values are data', () => {
    fuzz(
      fc.property(clusterCase, (c) => {
        const app = testApp();
        const declared = outcome(() => buildCluster(app, c));
        if (!declared.ok) return;
        const cluster = declared.value;
        const tried = outcome(() => cluster.tryPlan());
        if (!tried.ok) throw tried.error;
        const planned = outcome(() => cluster.plan());
        expect(planned.ok).toBe(tried.value.plan !== undefined);
        if (!planned.ok) return;
        for (const layer of planned.value.layers) {
          expect({ layer: layer.name, data: isData(layer.values) }).toEqual({ layer: layer.name, data: true });
          const yaml = outcome(() => canonicalYaml(layer.values));
          if (!yaml.ok) throw yaml.error;
        }
      }),
      300,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('plans huge value strings with unclosed expressions within the case budget', () => {
    fuzz(
      fc.property(longRun, fc.constantFrom('web', 'db'), (text, layer) => {
        const app = testApp();
        const cluster = buildCluster(app, { web: {}, db: {}, k8s: {}, variables: { domain: 'example.com' }, macros: {}, withInfra: false });
        cluster.setValues(layer, { huge: text });
        settles(() => cluster.plan());
      }),
      30,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('synthesizes, or fails with a ProfileError and writes no file', () => {
    const root = tempDir('fuzz-synth-');
    // A second cluster, in a stack of its own, runs the same profile, a copy of the same name and
    // version, or a copy that differs: files of one stack must not be written when another fails.
    const second = fc.constantFrom('none', 'same', 'same-copy', 'different-copy');
    try {
      let n = 0;
      fuzz(
        fc.property(clusterCase, second, (c, other) => {
          const outdir = path.join(root, String(n++));
          const app = new App({ outdir });
          const error = settles(() => {
            const first = buildCluster(app, c);
            if (other === 'none') return app.synth();
            const profile = first.attachedProfiles.find((p) => p.profileName === 'apps')!;
            const copy = other === 'same' ? profile : profile.clone(app, 'apps-copy', { name: 'apps', version: profile.version });
            if (other === 'different-copy') copy.setValues('web', { extra: 1 });
            clusterIn(app, { profiles: [copy] }, 'stack-2', 'prod-2').setVariables({ domain: 'example.com' });
            return app.synth();
          });
          if (error) expect(filesUnder(outdir)).toEqual([]);
        }),
        60,
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, FUZZ_TEST_TIMEOUT_MS);

  it('formatProblem judges any value against any valid definition, and agrees with the check of defaults', () => {
    const definition = fc.record(
      {
        name: fc.constantFrom('v', 'value_1'),
        format: fc.constantFrom(...VARIABLE_FORMATS),
        regex: fc.constantFrom('[a-z.]+', '\\d+', '.*', '1|2', '(a|b)c', '^x', '[', '(', 'a{2,1}', '\\', ')', '(?<n>x)\\k<n>', 'ü+', '[0-9]{1,3}(\\.[0-9]{1,3}){3}'),
        required: fc.boolean(),
        hidden: fc.boolean(),
      },
      { requiredKeys: ['name'] },
    );
    const value = fc.oneof(
      anyText,
      fc.constantFrom('1', '-1.5', '1e3', 'true', 'false', 'v1.2.3', '1.2.3-rc.1', '10.0.0.1', '256.0.0.1', '10.0.0.0/32', '10.0.0.0/33', '::1', 'fe80::1::2', 'aGk=', 'aGk', ...trickyKeys),
      fc.double(),
      fc.integer(),
      fc.boolean(),
    );
    fuzz(
      fc.property(definition, value, (v, literal) => {
        if (!outcome(() => checkVariableDefinition(v, 'fuzz')).ok) return;
        const problem = outcome(() => formatProblem(v, literal, (s) => Token.isUnresolved(s)));
        if (!problem.ok) throw problem.error;
        expect(['string', 'undefined']).toContain(typeof problem.value);
        const withDefault = outcome(() => checkVariableDefinition({ ...v, default: literal }, 'fuzz'));
        expect(withDefault.ok).toBe(problem.value === undefined);
      }),
      600,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('formatProblem judges huge values within the case budget', () => {
    fuzz(
      fc.property(fc.constantFrom(...VARIABLE_FORMATS), fc.constantFrom(undefined, '[a-z.]+', '(a|b)*c'), longRun, (format, regex, literal) => {
        settles(() => formatProblem({ name: 'v', format, regex }, literal));
      }),
      40,
    );
  }, FUZZ_TEST_TIMEOUT_MS);
});
