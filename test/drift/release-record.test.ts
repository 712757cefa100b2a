import { gzipSync } from 'zlib';
import { decodeReleaseRecord, deployedRevision, encodeReleaseRecord } from '../../lib/drift/release-record';
import { manifestObjects } from '../../lib/drift/manifest-objects';
import { profileError } from '../helpers';

const release = { name: 'web', namespace: 'web', version: 3, info: { status: 'deployed' }, manifest: '---\n# Source: web/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: "1"\n' };

describe('Helm release records', () => {
  it('decodes what the API returns: base64 of Helm\'s base64 of gzipped JSON', () => {
    // Built by hand, step by step, as Helm's encodeRelease and the API server do it.
    const helm = gzipSync(Buffer.from(JSON.stringify(release))).toString('base64');
    const api = Buffer.from(helm, 'utf8').toString('base64');
    expect(decodeReleaseRecord(api, 'Secret web/sh.helm.release.v1.web.v3')).toEqual({ name: 'web', namespace: 'web', version: 3, status: 'deployed', manifest: release.manifest, crds: [] });
    expect(encodeReleaseRecord(release)).toBe(api);
  });

  it('decodes a release stored before Helm compressed them (no gzip magic)', () => {
    const api = Buffer.from(Buffer.from(JSON.stringify(release)).toString('base64')).toString('base64');
    expect(decodeReleaseRecord(api, 'x').manifest).toBe(release.manifest);
  });

  it('fails on a corrupt gzip stream, naming the Secret', () => {
    const corrupt = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), Buffer.from('garbage')]);
    const error = profileError(() => decodeReleaseRecord(Buffer.from(corrupt.toString('base64')).toString('base64'), 'Secret web/sh.helm.release.v1.web.v1'));
    expect(error.code).toBe('RELEASE_RECORD');
    expect(error.message).toMatch(/^RELEASE_RECORD at Secret web\/sh.helm.release.v1.web.v1: is not a Helm release record: gzip or JSON is corrupt/);
  });

  it('compares against the newest deployed revision, not a newer failed one nor older superseded ones', () => {
    const secret = (version: number, status: string) => ({ type: 'helm.sh/release.v1', metadata: { name: `sh.helm.release.v1.web.v${version}`, labels: { status, version: String(version) } }, data: {} });
    expect(deployedRevision([secret(1, 'superseded'), secret(10, 'deployed'), secret(2, 'superseded'), secret(11, 'failed')])?.metadata?.name).toBe('sh.helm.release.v1.web.v10');
    expect(deployedRevision([secret(1, 'failed')])).toBeUndefined();
    expect(deployedRevision([{ ...secret(1, 'deployed'), type: 'Opaque' }])).toBeUndefined();
  });

  it('reads the objects of a rendered manifest in order, skipping empty documents and flattening Lists', () => {
    const manifest = [
      '---',
      '# Source: web/templates/empty.yaml',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: a }',
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- { apiVersion: v1, kind: Service, metadata: { name: b } }',
      '- { apiVersion: v1, kind: Secret, metadata: { name: c } }',
    ].join('\n');
    expect(manifestObjects(manifest, 'release web/web').map((o) => `${o.kind}/${(o.metadata as { name: string }).name}`)).toEqual(['ConfigMap/a', 'Service/b', 'Secret/c']);
  });

  it("reads the chart's crds/ files, which Helm keeps out of the manifest", () => {
    const files = [
      { name: 'crds/widgets.yaml', data: Buffer.from('kind: CustomResourceDefinition').toString('base64') },
      { name: 'README.md', data: Buffer.from('hi').toString('base64') },
      { name: 'crds/nested/skip.yaml', data: '' },
      { name: 'crds/gadgets.yml', data: Buffer.from('kind: CustomResourceDefinition # 2').toString('base64') },
    ];
    expect(decodeReleaseRecord(encodeReleaseRecord({ ...release, chart: { files } }), 'x').crds).toEqual([
      { file: 'crds/gadgets.yml', yaml: 'kind: CustomResourceDefinition # 2' },
      { file: 'crds/widgets.yaml', yaml: 'kind: CustomResourceDefinition' },
    ]);
  });
});
