import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { multiCluster } from '../../examples/multi-cluster/app';
import { quickstart } from '../../examples/quickstart/app';
import { AddonProfile, ChartSource, exportProfile, Profile, SensitiveValue, serializeProfileDocument } from '../../lib';
import { clusterIn, filesUnder, profileError, tempDir } from '../helpers';

describe('synth', () => {
  let dirs: string[] = [];
  const outdir = () => {
    const d = tempDir('synth-');
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    dirs = [];
  });

  it('writes the document of every profile attached to a cluster to profiles/<name>-<version>.json', () => {
    const app = new App({ outdir: outdir() });
    quickstart(app);
    app.synth();
    expect(filesUnder(path.join(app.outdir, 'profiles'))).toEqual(['edge-addons-1.0.0.json', 'edge-base-1.0.0.json']);
    for (const profile of app.node.children.filter(Profile.isProfile)) {
      const file = path.join(app.outdir, 'profiles', `${profile.profileName}-${profile.version}.json`);
      expect(fs.readFileSync(file, 'utf8')).toBe(serializeProfileDocument(exportProfile(profile)));
    }
  });

  it('writes a profile that several clusters run once, and leaves no temporary file', () => {
    const app = new App({ outdir: outdir() });
    multiCluster(app);
    app.synth();
    expect(filesUnder(path.join(app.outdir, 'profiles'))).toEqual(['platform-addons-2.1.0.json']);
    const document = JSON.parse(fs.readFileSync(path.join(app.outdir, 'profiles', 'platform-addons-2.1.0.json'), 'utf8'));
    expect(document.spec.template.packs.map((p: any) => [p.name, p.registry?.local])).toEqual([
      ['namespaces', undefined],
      ['storage', 'examples/charts/demo-csi'],
      ['frontend', 'examples/charts/demo-web'],
    ]);
  });

  it('masks a literal that a cluster replaces with a secret, and keeps an expression that reads a secret variable', () => {
    const app = new App({ outdir: outdir() });
    const addons = new AddonProfile(app, 'apps', { version: '1.0.0', variables: [{ name: 'api_key', sensitive: true }] });
    addons.addHelmLayer('db', {
      chart: ChartSource.repository('https://charts.example.com', 'db'),
      values: { auth: { password: 'placeholder', user: 'app' }, apiKey: '{{ .spectro.var.api_key }}' },
    });
    clusterIn(app, { profiles: [addons] })
      .setValues('db', { auth: { password: SensitiveValue.fromVariable('db_password') } })
      .setVariables({ api_key: SensitiveValue.fromVariable('api_key') });
    app.synth();
    const document = JSON.parse(fs.readFileSync(path.join(app.outdir, 'profiles', 'apps-1.0.0.json'), 'utf8'));
    expect(document.spec.template.packs[0].values).toBe('apiKey: "{{ .spectro.var.api_key }}"\nauth:\n  password: (sensitive)\n  user: app\n');
  });

  it('writes no file when two profiles of one name and version differ', () => {
    const out = outdir();
    const app = new App({ outdir: out });
    const chart = ChartSource.repository('https://charts.example.com', 'web');
    const first = new AddonProfile(app, 'apps', { version: '1.0.0' });
    first.addHelmLayer('web', { chart, version: '1.0.0' });
    const second = first.clone(app, 'apps-copy', { name: 'apps', version: '1.0.0' }).setValues('web', { replicas: 2 });
    clusterIn(app, { profiles: [first] }, 'one', 'one');
    clusterIn(app, { profiles: [second] }, 'two', 'two');
    expect(profileError(() => app.synth()).code).toBe('DUPLICATE_PROFILE');
    expect(filesUnder(out)).toEqual([]);
  });

  it('fails on two different profiles of one name and version', () => {
    const app = new App({ outdir: outdir() });
    const chart = ChartSource.repository('https://charts.example.com', 'web');
    const first = new AddonProfile(app, 'apps', { version: '1.0.0' });
    first.addHelmLayer('web', { chart, version: '1.0.0' });
    const second = new AddonProfile(app, 'apps-copy', { name: 'apps', version: '1.0.0' });
    second.addHelmLayer('web', { chart, version: '1.1.0' });
    clusterIn(app, { profiles: [first] }, 'one', 'one');
    clusterIn(app, { profiles: [second] }, 'two', 'two');
    expect(profileError(() => app.synth()).message).toBe(
      'DUPLICATE_PROFILE at apps-copy: profile "apps" 1.0.0 differs from the profile of the same name and version at apps\n  fix: give one of them another name or version: a name and a version identify one profile',
    );
  });
});
