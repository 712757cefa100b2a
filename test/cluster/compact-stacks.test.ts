import { TerraformResource, Tokenization } from 'cdktf';
import { ChartSource } from '../../lib';
import { withCompactStacks } from '../../lib/cluster/compact-stacks';
import { addonProfile, clusterIn, testApp } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'thing');

function framesOfNewError(): string[] {
  return new Error('probe').stack!.split('\n').slice(1);
}

describe('withCompactStacks: stacks taken during emission stop at its caller', () => {
  it('keeps the frames from the top down to its caller, and formats them as V8 does', () => {
    const full = framesOfNewError();
    const compact = withCompactStacks(function callerOfCompactStacks() {
      return framesOfNewError();
    });
    expect(compact[0]).toMatch(/^ {4}at framesOfNewError \(.*compact-stacks\.test\.ts:\d+:\d+\)$/);
    expect(compact.some((f) => f.includes('callerOfCompactStacks'))).toBe(true);
    expect(compact[compact.length - 1]).toMatch(/ {4}at Object\.<anonymous> \(.*compact-stacks\.test\.ts/);
    // Everything below the test function (jest's runner) is dropped there, and only there.
    expect(compact.length).toBeLessThan(full.length - 5);
    expect(framesOfNewError().length).toBe(full.length);
  });

  it('restores Error.prepareStackTrace when the function returns or throws', () => {
    const before = Error.prepareStackTrace;
    withCompactStacks(() => 1);
    expect(Error.prepareStackTrace).toBe(before);
    expect(() => withCompactStacks(() => { throw new Error('boom'); })).toThrow('boom');
    expect(Error.prepareStackTrace).toBe(before);
  });

  it('still formats through a formatter installed before, with the kept frames', () => {
    const before = Error.prepareStackTrace;
    const seen: number[] = [];
    Error.prepareStackTrace = (_error, frames) => {
      seen.push(frames.length);
      return `custom ${frames.length}`;
    };
    try {
      const full = new Error('x').stack;
      const compact = withCompactStacks(() => new Error('x').stack);
      expect(full).toBe(`custom ${seen[0]}`);
      expect(compact).toBe(`custom ${seen[1]}`);
      expect(seen[1]).toBeLessThan(seen[0]);
    } finally {
      Error.prepareStackTrace = before;
    }
  });

  it('is what the depends_on tokens of an emitted release record: the cluster\'s emit, not cdktf\'s synth', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('first', { chart });
    addons.addHelmLayer('second', { chart, priority: 10 });
    const cluster = clusterIn(app, { profiles: [addons] });
    app.synth();
    const second = cluster.node.findAll().find((c): c is TerraformResource => c instanceof TerraformResource && c.friendlyUniqueId === 'prod_second')!;
    const [token] = Tokenization.reverseString(second.dependsOn![0]).tokens;
    expect(token.creationStack.some((f) => f.startsWith('emitCluster '))).toBe(true);
    expect(token.creationStack[0]).toMatch(/^new HelmRelease /);
    expect(token.creationStack[token.creationStack.length - 1]).toMatch(/^Cluster\.emit /);
    expect(token.creationStack.some((f) => f.includes('App.synth'))).toBe(false);
  });
});
