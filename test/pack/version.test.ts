import { boundsRange, compareVersions, constraintKind, newestSatisfying, normalizeVersion, satisfiesConstraint } from '../../lib/pack/version';
import { profileError } from '../helpers';

const published = ['1.0.0', '1.1.0', '1.1.7', '1.2.0-rc.1', '1.2.0', '1.10.3', '2.0.0-beta.1', '2.0.0', '2.1.0'];

describe('pack version constraints', () => {
  it.each([
    ['1.1.7', '1.1.7', 'exact'],
    ['1.x', '1.10.3', 'train'],
    ['1.1.x', '1.1.7', 'train'],
    ['2.x', '2.1.0', 'train'],
    ['>=1.1.0 <1.2.0', '1.1.7', 'range'],
    ['~1.2.0', '1.2.0', 'range'],
    ['^1.0.0', '1.10.3', 'range'],
  ])('resolves %s to %s (%s)', (constraint, version, kind) => {
    expect(constraintKind(constraint, 'here')).toBe(kind);
    expect(newestSatisfying(published, constraint)).toBe(version);
  });

  it('chooses a pre-release only when asked for', () => {
    expect(newestSatisfying(['1.0.0', '1.1.0-rc.1'], '1.x')).toBe('1.0.0');
    expect(newestSatisfying(['1.0.0', '1.1.0-rc.1'], '1.x', true)).toBe('1.1.0-rc.1');
  });

  it('finds nothing for a train with no release', () => {
    expect(newestSatisfying(published, '3.x')).toBeUndefined();
  });

  it('fails on a constraint that is none of exact, train or range', () => {
    expect(profileError(() => constraintKind('latest', 'base/cni')).message).toBe(
      'INVALID_VERSION_CONSTRAINT at base/cni: version "latest" is not an exact version, a train or a semver range\n  fix: write an exact version ("1.27.5", "24.04"), a train ("1.x", "1.27.x") or a range (">=1.27.0 <1.29.0")',
    );
  });

  it.each([
    ['24.04', '24.4.0'],
    ['22.04', '22.4.0'],
    ['1.5', '1.5.0'],
    ['23.07.1', '23.7.1'],
    ['v1.1.0', '1.1.0'],
    ['1.0.0-addon', '1.0.0-addon'],
    ['2.0.2-up.3', '2.0.2-up.3'],
    ['0.30.0-5.5.2026', '0.30.0-5.5.2026'],
  ])('reads the Palette version %s as %s', (version, normalized) => {
    expect(normalizeVersion(version)).toBe(normalized);
  });

  it.each([['latest'], ['1.2.3.4'], [''], ['1.x']])('finds no version in %j', (text) => {
    expect(normalizeVersion(text)).toBeUndefined();
  });

  it('resolves trains over Palette versions and returns them as written', () => {
    expect(newestSatisfying(['20.04', '22.04', '24.04', '24.10'], '24.x')).toBe('24.10');
    expect(newestSatisfying(['1.33.2', '1.33.10', '1.34.1'], '1.33.x')).toBe('1.33.10');
    expect(newestSatisfying(['v1.8.7', 'v1.12.0', 'v2.0.0'], '1.x')).toBe('v1.12.0');
    expect(newestSatisfying(['v1.8.7', 'v1.12.0'], 'v1.x')).toBe('v1.12.0');
    expect(newestSatisfying(['22.04', '24.04'], '>=23.0.0')).toBe('24.04');
  });

  it('matches an exact Palette version as written first, then by its normalized form', () => {
    expect(constraintKind('24.04', 'here')).toBe('exact');
    expect(constraintKind('1.5', 'here')).toBe('exact');
    expect(newestSatisfying(['1.5', '1.5.0'], '1.5.0')).toBe('1.5.0');
    expect(newestSatisfying(['1.5', '1.5.0'], '1.5')).toBe('1.5');
    expect(newestSatisfying(['1.5'], '1.5.0')).toBe('1.5');
    expect(satisfiesConstraint('24.04', '24.4.0')).toBe(true);
  });

  it('orders versions by their normalized forms', () => {
    expect(['24.04', '1.5', 'v1.12.0', '1.9.0', '24.4.1'].sort(compareVersions)).toEqual(['1.5', '1.9.0', 'v1.12.0', '24.04', '24.4.1']);
  });

  it('reads dependency bounds as Palette does: empty is no bound, a short bound covers its train', () => {
    expect(boundsRange('', '')).toBeUndefined();
    expect(boundsRange(undefined, '1.27')).toBe('<=1.27');
    expect(satisfiesConstraint('1.27.9', boundsRange('1.21', '1.27')!)).toBe(true);
    expect(satisfiesConstraint('1.28.0', boundsRange('1.21', '1.27')!)).toBe(false);
    expect(satisfiesConstraint('1.20.9', boundsRange('1.21', '1.27')!)).toBe(false);
    expect(boundsRange('1.20.6', '')).toBe('>=1.20.6');
  });
});
