import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { DirectoryRegistry, Pack, PackCatalog, PackRegistry } from '../../lib';
import { profileError, tempDir } from '../helpers';
import { packFolder } from './fixtures';

/** A registry that counts how often its index is read. */
class CountingRegistry implements PackRegistry {
  public listings = 0;
  constructor(private readonly inner: PackRegistry) {}
  get name() {
    return this.inner.name;
  }
  versions(packName: string): string[] {
    this.listings++;
    return this.inner.versions(packName);
  }
  load(packName: string, version: string): Pack {
    return this.inner.load(packName, version);
  }
}

function setup(mode?: 'auto' | 'update' | 'frozen', lockfile = path.join(tempDir('lock-'), 'cluster-profiles.lock.json'), packs?: string) {
  const dir = packs ?? packFolder([
    { name: 'calico', version: '3.29.0' },
    { name: 'calico', version: '3.30.1' },
    { name: 'calico', version: '3.30.3' },
    { name: 'calico', version: '3.31.0-rc.1' },
  ]);
  const registry = new CountingRegistry(new DirectoryRegistry(dir, 'local'));
  const catalog = new PackCatalog(new App(), 'packs', { registries: [registry], lockfile, mode });
  return { dir, registry, catalog, lockfile };
}

describe('PackCatalog and its lockfile', () => {
  it('resolves a train to its newest release and records version and digest', () => {
    const { catalog, lockfile } = setup();
    const resolved = catalog.resolve('calico', '3.x', 'base/cni');
    expect(resolved.pack.manifest.version).toBe('3.30.3');
    expect(resolved.constraintKind).toBe('train');
    catalog.saveLockfile();
    expect(JSON.parse(fs.readFileSync(lockfile, 'utf8'))).toEqual({
      lockfileVersion: 1,
      packs: { 'calico@3.x': { version: '3.30.3', digest: resolved.pack.digest, registry: 'local' } },
    });
  });

  it('resolves one constraint apart with and without pre-releases, in the cache and in the lockfile', () => {
    const { catalog, lockfile } = setup();
    const stable = catalog.resolve('calico', '3.x', 'base/cni');
    const early = catalog.resolve('calico', '3.x', 'edge/cni', true);
    expect([stable.pack.manifest.version, early.pack.manifest.version]).toEqual(['3.30.3', '3.31.0-rc.1']);
    expect(catalog.resolve('calico', '3.x', 'other/cni').pack.manifest.version).toBe('3.30.3');
    catalog.saveLockfile();
    expect(Object.keys(JSON.parse(fs.readFileSync(lockfile, 'utf8')).packs)).toEqual(['calico@3.x', 'calico@3.x (pre-releases)']);
    const again = setup('frozen', lockfile);
    expect(again.catalog.resolve('calico', '3.x', 'edge/cni', true).pack.manifest.version).toBe('3.31.0-rc.1');
    expect(again.catalog.resolve('calico', '3.x', 'base/cni').pack.manifest.version).toBe('3.30.3');
    const reversed = setup();
    expect(reversed.catalog.resolve('calico', '3.x', 'edge/cni', true).pack.manifest.version).toBe('3.31.0-rc.1');
    expect(reversed.catalog.resolve('calico', '3.x', 'base/cni').pack.manifest.version).toBe('3.30.3');
  });

  it('answers from the lockfile without reading the registry index, even when a newer release appears', () => {
    const first = setup();
    first.catalog.resolve('calico', '3.x', 'base/cni');
    first.catalog.saveLockfile();
    packFolder([{ name: 'calico', version: '3.30.9' }], first.dir);
    const second = setup(undefined, first.lockfile, first.dir);
    expect(second.catalog.resolve('calico', '3.x', 'base/cni').pack.manifest.version).toBe('3.30.3');
    expect(second.registry.listings).toBe(0);
  });

  it('updates every constraint in update mode and prints each change as old -> new', () => {
    const first = setup();
    first.catalog.resolve('calico', '3.x', 'base/cni');
    first.catalog.saveLockfile();
    packFolder([{ name: 'calico', version: '3.30.9' }], first.dir);
    const update = setup('update', first.lockfile, first.dir);
    const printed: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((s) => printed.push(String(s)) > 0);
    try {
      expect(update.catalog.resolve('calico', '3.x', 'base/cni').pack.manifest.version).toBe('3.30.9');
      update.catalog.resolve('calico', '3.29.0', 'other/cni');
      update.catalog.saveLockfile();
    } finally {
      write.mockRestore();
    }
    expect(printed.join('')).toBe('cluster-profiles: updated cluster-profiles.lock.json\n  calico@3.x: 3.30.3 -> 3.30.9\n  calico@3.29.0: (new) -> 3.29.0\n');
  });

  it('fails on a lock entry whose pack changed since it was locked', () => {
    const first = setup();
    first.catalog.resolve('calico', '3.30.3', 'base/cni');
    first.catalog.saveLockfile();
    fs.appendFileSync(path.join(first.dir, 'calico-3.30.3', 'values.yaml'), 'injected: true\n');
    const error = profileError(() => setup(undefined, first.lockfile, first.dir).catalog.resolve('calico', '3.30.3', 'base/cni'));
    expect(error.code).toBe('DIGEST_MISMATCH');
    expect(error.message).toMatch(
      /^DIGEST_MISMATCH at base\/cni: calico 3\.30\.3 from registry "local" has digest sha256:[0-9a-f]{64}, but the lockfile recorded sha256:[0-9a-f]{64}\n  the pack changed after it was locked, or the lock entry was edited\n  fix: if the change is intended, run `CLUSTER_PROFILES_LOCK=update npx cdktf synth` and review the change; otherwise restore the pack$/,
    );
  });

  it('fails on a stale lock entry whose version no longer satisfies its constraint', () => {
    const { lockfile, dir } = setup();
    fs.writeFileSync(lockfile, JSON.stringify({ lockfileVersion: 1, packs: { 'calico@3.30.x': { version: '3.29.0', digest: 'sha256:x', registry: 'local' } } }));
    expect(profileError(() => setup(undefined, lockfile, dir).catalog.resolve('calico', '3.30.x', 'base/cni')).message).toBe(
      'LOCK_STALE at base/cni: the lockfile entry for calico@3.30.x is stale: version 3.29.0 does not satisfy 3.30.x\n  fix: run `CLUSTER_PROFILES_LOCK=update npx cdktf synth` to re-resolve it, and review the change',
    );
  });

  it('fails on a lock entry whose version left the registry', () => {
    const { lockfile, dir } = setup();
    fs.writeFileSync(lockfile, JSON.stringify({ lockfileVersion: 1, packs: { 'calico@3.x': { version: '3.30.2', digest: 'sha256:x', registry: 'local' } } }));
    expect(profileError(() => setup(undefined, lockfile, dir).catalog.resolve('calico', '3.x', 'base/cni')).message).toBe(
      'LOCK_STALE at base/cni: the lockfile entry for calico@3.x is stale: calico 3.30.2 is no longer in registry "local"\n  fix: run `CLUSTER_PROFILES_LOCK=update npx cdktf synth` to re-resolve it, and review the change',
    );
  });

  it('fails in frozen mode on a constraint the lockfile lacks', () => {
    expect(profileError(() => setup('frozen').catalog.resolve('calico', '3.x', 'base/cni')).message).toBe(
      'LOCK_MISSING at base/cni: the lockfile has no entry for calico@3.x, and the lock mode is frozen\n  fix: synthesize once without CLUSTER_PROFILES_LOCK=frozen and commit the updated cluster-profiles.lock.json',
    );
  });

  it('fails on a version no registry has, listing what there is', () => {
    expect(profileError(() => setup().catalog.resolve('calico', '4.x', 'base/cni')).message).toBe(
      [
        'VERSION_NOT_FOUND at base/cni: no version of calico satisfies 4.x (pre-releases excluded)',
        '  available in local: 3.31.0-rc.1, 3.30.3, 3.30.1, 3.29.0',
        '  fix: choose a version the registries have, or a train such as "1.x"',
      ].join('\n'),
    );
  });

  it('searches registries in order', () => {
    const early = packFolder([{ name: 'calico', version: '3.29.0' }]);
    const late = packFolder([{ name: 'calico', version: '3.30.3' }, { name: 'cilium', version: '1.16.0' }]);
    const catalog = new PackCatalog(new App(), 'packs', {
      registries: [new DirectoryRegistry(early, 'early'), new DirectoryRegistry(late, 'late')],
      lockfile: path.join(tempDir(), 'lock.json'),
    });
    expect(catalog.resolve('calico', '3.x', 'a').registry).toBe('early');
    expect(catalog.resolve('calico', '3.30.x', 'a').registry).toBe('late');
    expect(catalog.resolve('cilium', '1.x', 'a').registry).toBe('late');
  });

  it('leaves the lockfile untouched when nothing changed', () => {
    const first = setup();
    first.catalog.resolve('calico', '3.x', 'a');
    first.catalog.saveLockfile();
    const before = fs.statSync(first.lockfile).mtimeMs;
    const second = setup(undefined, first.lockfile, first.dir);
    second.catalog.resolve('calico', '3.x', 'a');
    second.catalog.saveLockfile();
    expect(fs.statSync(first.lockfile).mtimeMs).toBe(before);
  });
});
