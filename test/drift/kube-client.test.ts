import * as fs from 'fs';
import * as path from 'path';
import { KubeClient } from '../../lib/kube/kube-client';
import { readKubeconfig } from '../../lib/kube/kubeconfig';
import { kubeConnection, stackConnection, terraformConsole } from '../../lib/kube/stack-connection';
import { profileError, tempDir } from '../helpers';
import { startFakeApiServer } from './fake-api-server';

describe('the Kubernetes client', () => {
  it('reads a kubeconfig context: certificates from files relative to the kubeconfig, inline data, a token file', () => {
    const dir = tempDir('kubeconfig-');
    fs.mkdirSync(path.join(dir, 'pki'));
    fs.writeFileSync(path.join(dir, 'pki', 'ca.crt'), 'CA PEM');
    fs.writeFileSync(path.join(dir, 'pki', 'admin.crt'), 'CERT PEM');
    fs.writeFileSync(path.join(dir, 'token'), 'file-token\n');
    const file = path.join(dir, 'config');
    fs.writeFileSync(
      file,
      [
        'apiVersion: v1',
        'clusters:',
        '- { name: a, cluster: { server: "https://a:6443", certificate-authority: pki/ca.crt } }',
        `- { name: b, cluster: { server: "https://b:6443", certificate-authority-data: ${Buffer.from('B CA').toString('base64')}, insecure-skip-tls-verify: true } }`,
        'users:',
        `- { name: certs, user: { client-certificate: pki/admin.crt, client-key-data: ${Buffer.from('KEY PEM').toString('base64')} } }`,
        '- { name: tokens, user: { tokenFile: token } }',
        'contexts:',
        '- { name: one, context: { cluster: a, user: certs } }',
        '- { name: two, context: { cluster: b, user: tokens } }',
        'current-context: one',
      ].join('\n'),
    );
    // Diagnostics name a file relative to the working directory, with forward slashes.
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/');
    expect(readKubeconfig(file)).toEqual({
      server: 'https://a:6443', certificateAuthority: 'CA PEM', insecureSkipTlsVerify: false, token: undefined, clientCertificate: 'CERT PEM', clientKey: 'KEY PEM', source: shown,
    });
    expect(readKubeconfig(file, 'two')).toMatchObject({ server: 'https://b:6443', certificateAuthority: 'B CA', insecureSkipTlsVerify: true, token: 'file-token' });
    expect(profileError(() => readKubeconfig(file, 'three')).message).toBe(
      `KUBE_CONNECTION at ${shown}: context three: has no context "three"\n  fix: use one of: one, two`,
    );
  });

  it('takes a token from an exec credential plugin, and never shows what it printed when it fails', () => {
    const connection = kubeConnection(
      { host: '10.0.0.1:6443', clusterCaCertificate: 'PEM', exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', 'console.log(JSON.stringify({ status: { token: "plugin-token" } }))'] } },
      'cluster prod',
    );
    expect(connection).toMatchObject({ server: 'https://10.0.0.1:6443', certificateAuthority: 'PEM', token: 'plugin-token' });
    const error = profileError(() =>
      kubeConnection({ host: 'h', exec: { apiVersion: 'v1', command: process.execPath, args: ['-e', 'console.log("secret-output"); process.exit(3)'] } }, 'cluster prod'),
    );
    expect(error.code).toBe('KUBE_CONNECTION');
    expect(error.message).not.toContain('secret-output');
  });

  it('resolves the helm provider of a stack: TF_VAR_ first, then the default, else an error naming the variable', async () => {
    const stack = { provider: { helm: [{ alias: 'edge', kubernetes: { host: '${var.host}', token: '${var.token}', cluster_ca_certificate: 'PEM' } }] }, variable: { host: { default: 'https://h:6443' }, token: {} } };
    expect(await stackConnection(stack, 'edge', 'cdk.tf.json', { env: { TF_VAR_token: 't0k' } })).toMatchObject({ server: 'https://h:6443', token: 't0k', certificateAuthority: 'PEM' });
    await expect(stackConnection(stack, 'edge', 'cdk.tf.json', { env: {} })).rejects.toThrow('KUBE_CONNECTION at cdk.tf.json: token: variable "token" has no value\n  fix: set TF_VAR_token as for cdktf deploy');
    const evaluated: string[] = [];
    const withExpression = { provider: { helm: [{ alias: 'edge', kubernetes: { host: '${aws_eks_cluster.edge.endpoint}', token: 'literal' } }] } };
    const evaluate = async (expression: string) => {
      evaluated.push(expression);
      return 'https://eks.example:443';
    };
    expect(await stackConnection(withExpression, 'edge', 'cdk.tf.json', { env: {}, evaluate })).toMatchObject({ server: 'https://eks.example:443', token: 'literal' });
    expect(evaluated).toEqual(['${aws_eks_cluster.edge.endpoint}']);
    await expect(stackConnection(stack, 'other', 'cdk.tf.json')).rejects.toThrow('cdk.tf.json has no helm provider with alias "other"');
  });

  it('GETs, LISTs by label, PATCHes and DELETEs over plain HTTP, and discovers kinds', async () => {
    const api = await startFakeApiServer({ secure: false });
    const client = new KubeClient({ server: api.url });
    try {
      api.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'web', labels: { team: 'x' } }, data: {} });
      api.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'web' }, data: {} });
      const located = await client.locate({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a' }, 'web');
      expect(located).toEqual({ path: '/api/v1/namespaces/web/configmaps/a', collection: '/api/v1/namespaces/web/configmaps', namespaced: true });
      expect(await client.locate({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'x.example.dev' })).toMatchObject({ path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x.example.dev', namespaced: false });
      expect(await client.locate({ apiVersion: 'v1', kind: 'Pod', name: 'p' })).toBeUndefined();
      expect((await client.get<{ metadata: { name: string } }>(located!.path))?.metadata.name).toBe('a');
      expect((await client.list<{ metadata: { name: string } }>(located!.collection, 'team=x')).map((o) => o.metadata.name)).toEqual(['a']);
      expect(await client.delete(located!.path)).toBe(true);
      expect(await client.delete(located!.path)).toBe(false);
      expect(await client.get(located!.path)).toBeUndefined();
      expect((await client.patch<{ data: object }>('/api/v1/namespaces/web/configmaps/b', { data: { k: 'v' } })).data).toEqual({ k: 'v' });
      await expect(client.patch('/api/v1/namespaces/web/configmaps/a', { data: { k: 'v' } })).rejects.toThrow(/KUBE_REQUEST at http:\/\/127\.0\.0\.1:\d+: PATCH \/api\/v1\/namespaces\/web\/configmaps\/a answered 404/);
      // Discovery is asked once per group version.
      expect(api.requests.filter((r) => r.line === 'GET /api/v1').length).toBe(1);
    } finally {
      client.close();
      await api.close();
    }
  });

  it('refuses a server that is not an http(s) URL', () => {
    expect(profileError(() => new KubeClient({ server: 'ftp://x', source: 'cluster prod' })).message).toBe(
      'KUBE_CONNECTION at cluster prod: server "ftp://x" is not an http(s) URL\n  fix: give the API server as https://host:port',
    );
  });

  it('evaluates any other expression with terraform console in the stack folder, sensitive or not', async () => {
    const dir = tempDir('console-');
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ variable: { host: { type: 'string', default: '10.0.0.1' }, token: { type: 'string', sensitive: true, default: 's3cr3t' } } }));
    const evaluate = terraformConsole(dir, { ...process.env, CHECKPOINT_DISABLE: '1' });
    expect(await evaluate('https://${var.host}:6443')).toBe('https://10.0.0.1:6443');
    expect(await evaluate('${var.token}')).toBe('s3cr3t');
    await expect(evaluate('${var.missing}')).rejects.toThrow('KUBE_CONNECTION at');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
