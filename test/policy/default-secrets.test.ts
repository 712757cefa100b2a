import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ChartSource, Cluster, ClusterConnection, ForbidClearTextSecrets, SensitiveValue } from '../../lib';
import { addonProfile, filesUnder, profileError, tempDir } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'grafana');
const connection = ClusterConnection.kubeconfig({ path: '~/.kube/config' });

/** An app in `outdir` whose cluster "prod" gives grafana a literal admin password. */
function appWithLiteralSecret(outdir: string) {
  const app = new App({ outdir });
  const addons = addonProfile(app, 'observability');
  addons.addHelmLayer('grafana', { chart, version: '8.5.0', namespace: 'monitoring', values: { adminPassword: 'hunter2' } });
  const stack = new TerraformStack(app, 'prod');
  new Cluster(stack, 'prod', { connection, profiles: [addons] });
  return { app, stack };
}

/** Every file under `dir` whose text holds `needle`. */
function filesHolding(dir: string, needle: string): string[] {
  return filesUnder(dir).filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes(needle));
}

describe('clear-text secrets by default', () => {
  it('fails synth on a literal under a secret-looking key, with no policy added, and writes it nowhere', () => {
    const outdir = tempDir();
    try {
      const { app } = appWithLiteralSecret(outdir);
      expect(profileError(() => app.synth()).message).toBe(
        [
          'POLICY_VIOLATION at observability/grafana: layer "grafana" on cluster "prod" breaks forbid-clear-text-secrets: value adminPassword holds a secret as a plain string',
          '  fix: set adminPassword to SensitiveValue.fromVariable("<variable name>") and supply the secret at deploy time',
        ].join('\n'),
      );
      expect(filesUnder(outdir)).toEqual([]);
      expect(filesHolding(outdir, 'hunter2')).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('lets a stack opt out, and then the literal is synthesized as given', () => {
    const outdir = tempDir();
    try {
      const { app, stack } = appWithLiteralSecret(outdir);
      ForbidClearTextSecrets.allowIn(stack, 'a throwaway test cluster');
      app.synth();
      expect(filesHolding(outdir, 'hunter2')).toEqual(['profiles/observability-1.0.0.json', 'stacks/prod/cdk.tf.json', 'stacks/prod/clusters/prod/install-plan.json']);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('uses the key pattern of a ForbidClearTextSecrets added explicitly instead of the default one', () => {
    const { stack } = appWithLiteralSecret(tempDir());
    Aspects.of(stack).add(new ForbidClearTextSecrets({ keyPattern: /^licence$/ }));
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  it('passes a SensitiveValue, which lands in set_sensitive as a variable reference', () => {
    const app = new App({ outdir: tempDir() });
    const addons = addonProfile(app, 'observability');
    addons.addHelmLayer('grafana', { chart, version: '8.5.0', namespace: 'monitoring', values: { adminPassword: SensitiveValue.fromVariable('grafana_admin_password') } });
    const stack = new TerraformStack(app, 'prod');
    new Cluster(stack, 'prod', { connection, profiles: [addons] });
    const json = JSON.parse(Testing.synth(stack));
    const [sensitive] = json.resource.helm_release.prod_grafana.set_sensitive;
    expect(sensitive.name).toBe('adminPassword');
    expect(sensitive.value).toContain('var.grafana_admin_password');
  });

  it('refuses a literal bearer token of a connection, and a literal given to SensitiveValue.fromToken', () => {
    expect(profileError(() => ClusterConnection.token({ host: 'https://10.0.0.1', clusterCaCertificate: 'PEM', token: 'eyJhbGciOi' })).code).toBe('SENSITIVE_LITERAL');
    expect(profileError(() => SensitiveValue.fromToken('hunter2')).code).toBe('SENSITIVE_LITERAL');
    const stack = new TerraformStack(new App({ outdir: tempDir() }), 's');
    const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true }).stringValue;
    expect(ClusterConnection.token({ host: 'https://10.0.0.1', clusterCaCertificate: 'PEM', token }).settings.token).toBe(token);
    expect(SensitiveValue.fromToken(token).token).toBe(token);
  });
});
