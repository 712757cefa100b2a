import { TerraformVariable } from 'cdktf';
import * as path from 'path';
import { ChartSource, DirectoryRegistry, ForbidClearTextSecrets, PackCatalog, SECRET_KEY_PATTERN, SensitiveValue } from '../../lib';
import { addonProfile, clusterIn, profileError, tempDir, testApp } from '../helpers';
import { packFolder } from '../pack/fixtures';
import { synthWith, violations } from './policy-helpers';

const chart = ChartSource.repository('https://charts.example.com', 'web');

describe('ForbidClearTextSecrets', () => {
  it('fails synth for secrets held as plain strings or as expressions not marked sensitive', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { namespace: 'web', chart, version: '1.0.0', values: { adminPassword: 'hunter2', auth: { 'api-key': 'abc123' } } });
    const cluster = clusterIn(app, { profiles: [addons] });
    const token = new TerraformVariable(cluster.node.scope!, 'db_token', { type: 'string' });
    cluster.setValues('web', { database: { token: token.stringValue } });
    expect(violations(cluster, new ForbidClearTextSecrets())).toBe(
      [
        'POLICY_VIOLATION at addons/web: layer "web" on cluster "prod" breaks forbid-clear-text-secrets: value adminPassword holds a secret as a plain string',
        '  fix: set adminPassword to SensitiveValue.fromVariable("<variable name>") and supply the secret at deploy time',
        'POLICY_VIOLATION at addons/web: layer "web" on cluster "prod" breaks forbid-clear-text-secrets: value auth.api-key holds a secret as a plain string',
        '  fix: set auth.api-key to SensitiveValue.fromVariable("<variable name>") and supply the secret at deploy time',
        'POLICY_VIOLATION at addons/web: layer "web" on cluster "prod" breaks forbid-clear-text-secrets: value database.token holds a secret as a Terraform expression that is not marked sensitive',
        '  fix: wrap the expression in SensitiveValue.fromToken(...)',
      ].join('\n'),
    );
  });

  it('passes sensitive values, empty strings and keys that only name a secret', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', {
      namespace: 'web',
      chart,
      version: '1.0.0',
      values: {
        adminPassword: SensitiveValue.fromVariable('web_admin_password'),
        password: '',
        existingSecret: 'web-admin',
        tls: { secretName: 'web-tls' },
        tokenTTL: '1h',
        automountServiceAccountToken: true,
      },
    });
    expect(() => synthWith(clusterIn(app, { profiles: [addons] }), new ForbidClearTextSecrets())).not.toThrow();
  });

  it('treats as secrets the keys the default pattern names, and those of a pattern given instead', () => {
    const secret = ['password', 'adminPassword', 'db_passwd', 'token', 'clientSecret', 'apiKey', 'API_KEY', 'privateKey', 'secretAccessKey'];
    const notSecret = ['existingSecret', 'secretName', 'tokenTTL', 'passwordLength', 'key'];
    expect(secret.filter((k) => !SECRET_KEY_PATTERN.test(k))).toEqual([]);
    expect(notSecret.filter((k) => SECRET_KEY_PATTERN.test(k))).toEqual([]);

    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { namespace: 'web', chart, version: '1.0.0', values: { adminPassword: 'hunter2', licence: 'ABC-123' } });
    expect(violations(clusterIn(app, { profiles: [addons] }), new ForbidClearTextSecrets({ keyPattern: /^licence$/ }))).toBe(
      [
        'POLICY_VIOLATION at addons/web: layer "web" on cluster "prod" breaks forbid-clear-text-secrets: value licence holds a secret as a plain string',
        '  fix: set licence to SensitiveValue.fromVariable("<variable name>") and supply the secret at deploy time',
      ].join('\n'),
    );
  });

  describe('on a pack\'s published defaults', () => {
    /** A cluster running a pack whose values.yaml holds a placeholder token and a Secret's name. */
    function packCluster(values?: Record<string, unknown>) {
      const app = testApp();
      new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(packFolder([{ name: 'gateway', version: '1.0.0', charts: { gateway: '' }, values: 'charts:\n  gateway:\n    auth:\n      gatewayToken: dev-token\n    nodeStageSecret: csi-rbd-secret\n' }]))], lockfile: path.join(tempDir(), 'lock.json') });
      const addons = addonProfile(app);
      addons.addPackLayer('gateway', { pack: 'gateway', version: '1.0.0', values });
      return clusterIn(app, { profiles: [addons] });
    }

    it('leaves them alone by default: they are published with the pack, not typed into the app', () => {
      expect(() => synthWith(packCluster())).not.toThrow();
    });

    it('checks them with includePackDefaults, and checks an override of one whatever the option', () => {
      expect(violations(packCluster(), new ForbidClearTextSecrets({ includePackDefaults: true }))).toContain('value charts.gateway.auth.gatewayToken holds a secret as a plain string');
      expect(profileError(() => synthWith(packCluster({ charts: { gateway: { auth: { gatewayToken: 'hunter2' } } } }))).message).toContain(
        'breaks forbid-clear-text-secrets: value charts.gateway.auth.gatewayToken holds a secret as a plain string',
      );
    });
  });
});
