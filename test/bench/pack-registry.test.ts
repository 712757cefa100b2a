import * as fs from 'fs';
import { writePackRegistry } from '../../bench/pack-registry';
import { checkPackRegistry } from '../../lib/pack/check-registry';
import { tempDir } from '../helpers';

describe('the registry the packs check benchmark generates', () => {
  const dir = tempDir('bench-registry-');
  const expected = writePackRegistry(dir, 61);
  const report = checkPackRegistry(dir);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is shaped like the public one: folders not named after the pack, Palette versions, infra packs and add-ons', () => {
    const folders = fs.readdirSync(dir).sort();
    expect(folders).toHaveLength(61);
    expect(folders).toEqual(expect.arrayContaining(['cni_001_pack', 'addon-047-2.3.2-5.5.2026', 'addon-048-23.04']));
    const versions = report.results.map((r) => r.version!);
    expect(versions).toEqual(expect.arrayContaining(['20.04', 'v1.1.0', '1.3', '2.5.0']));
    expect(new Set(report.results.map((r) => r.layer))).toEqual(new Set(['cni', 'csi', 'addon']));
  });

  it('holds a few packs that need input, and every other pack synthesizes, some with the CSI they require', () => {
    expect(expected).toEqual({ ok: 58, needsInput: 3 });
    expect(report.counts).toEqual({ ok: 58, 'needs-input': 3, 'load-failed': 0, 'synth-failed': 0, 'not-a-pack': 0 });
    expect(report.results.filter((r) => r.outcome === 'needs-input').map((r) => [r.pack, r.problems.map((p) => p.code)])).toEqual([
      ['addon-042', ['SCHEMA_VIOLATION']],
      ['addon-060', ['PACK_CONSTRAINT']],
      ['cni-005', ['SCHEMA_VIOLATION']],
    ]);
    expect(report.results.find((r) => r.pack === 'addon-024')!.with).toEqual(['csi-014 1.5']);
  });
});
