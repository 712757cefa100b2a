import { constraintKind, newestSatisfying } from '../../lib';
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
      'INVALID_VERSION_CONSTRAINT at base/cni: version "latest" is not an exact version, a train or a semver range\n  fix: write an exact version ("1.27.5"), a train ("1.x", "1.27.x") or a range (">=1.27.0 <1.29.0")',
    );
  });
});
