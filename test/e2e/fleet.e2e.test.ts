// A rollout across three real control planes on loopback: a canary and a wave of two, deployed
// with `cdktf deploy '*'` (cdktf's default parallelism), ordered only by the fleet's stack
// dependencies. Helm records, to the nanosecond, when it started each release operation; `echo`
// waits for `slow`, which takes a few seconds to become ready, so on each cluster
// [slow.updated, echo.updated] lies inside the cluster's deploy.
import { CdktfApp } from './harness/cdktf-app';
import { ControlPlane, startControlPlane } from './harness/control-plane';
import { CommandError } from './harness/processes';
import { providersAvailable } from './harness/provider-mirror';
import { requireTerraform, terraformEnv } from './harness/terraform-env';
import { FLEET_CLUSTERS, FleetClusterName, RolloutContext } from './apps/fleet';

const suite = providersAvailable() ? describe : describe.skip;
const SOAK_SECONDS = 5;

interface HelmRelease {
  name: string;
  status: string;
  updated: string;
}

/** Helm's `updated` ("2026-11-24 10:31:02.550617018 +0000 UTC") as nanoseconds since the epoch. */
function helmTime(text: string): bigint {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))? \+0000 UTC$/.exec(text);
  if (!m) throw new Error(`unexpected helm time "${text}"`);
  return BigInt(Date.parse(`${m[1]}T${m[2]}Z`)) * 1_000_000n + BigInt((m[3] ?? '0').padEnd(9, '0'));
}

const seconds = (ns: bigint) => Number(ns / 1_000_000n) / 1000;

suite('a fleet rollout on three control planes', () => {
  const terraform = terraformEnv();
  const clusters = {} as Record<FleetClusterName, ControlPlane>;
  let app: CdktfApp;

  const configure = (version: RolloutContext['version'], maxParallel = 2) => {
    const kubeconfigs = Object.fromEntries(FLEET_CLUSTERS.map((n) => [n, clusters[n].kubeconfig])) as RolloutContext['kubeconfigs'];
    return app.configure({ kubeconfigs, version, soakSeconds: SOAK_SECONDS, maxParallel });
  };
  const releases = async (name: FleetClusterName): Promise<HelmRelease[]> => JSON.parse(await clusters[name].helm('list', '--all-namespaces', '--all', '-o', 'json'));
  const deployedVersion = async (name: FleetClusterName): Promise<string> =>
    JSON.parse(await clusters[name].kubectl('-n', 'apps', 'get', 'configmap', 'echo-data', '-o', 'json')).data.release;
  /** Per cluster: when its `slow` upgrade started and when `echo`, which waited for it, started. */
  const window = async (name: FleetClusterName) => {
    const byName = new Map((await releases(name)).map((r) => [r.name, helmTime(r.updated)]));
    return { start: byName.get('slow')!, end: byName.get('echo')! };
  };

  beforeAll(async () => {
    await requireTerraform(terraform.env);
    for (const name of FLEET_CLUSTERS) clusters[name] = await startControlPlane(`fleet-${name}`);
    app = new CdktfApp('fleet', 'test/e2e/apps/fleet.ts#rolloutFleet', terraform);
    await configure('1.0.0').deploy();
  });

  afterAll(async () => {
    // After a failed test, the clusters go with their control planes anyway; the state files in the run folder.
    for (const name of FLEET_CLUSTERS) await clusters[name]?.stop();
  });

  it('deploys the first version to every cluster', async () => {
    for (const name of FLEET_CLUSTERS) expect([name, await deployedVersion(name)]).toEqual([name, '1.0.0']);
  });

  it('stops the rollout when the new version fails on the canary: the wave keeps the old version', async () => {
    const error = await configure('2.0.0').deploy().then(
      () => undefined,
      (e: CommandError) => e,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect(error!.output).toContain('helm_release.canary_flaky');
    expect(error!.output).toContain('Not_A_Valid_Name');
    for (const name of ['wave-a', 'wave-b'] as const) {
      expect([name, await deployedVersion(name), (await releases(name)).map((r) => `${r.name} ${r.status}`).sort()]).toEqual([name, '1.0.0', ['echo deployed', 'slow deployed']]);
      const history = JSON.parse(await clusters[name].helm('history', 'echo', '-n', 'apps', '-o', 'json'));
      expect(history.map((h: { revision: number }) => h.revision)).toEqual([1]);
    }
  });

  it('rolls the fixed version out canary first, soaks, then deploys the wave\'s two clusters together', async () => {
    await configure('2.0.1').deploy();
    for (const name of FLEET_CLUSTERS) expect([name, await deployedVersion(name)]).toEqual([name, '2.0.1']);
    const canary = await window('canary');
    const a = await window('wave-a');
    const b = await window('wave-b');
    console.log(
      `rollout 2.0.1 (s after the canary started): canary ${seconds(canary.end - canary.start)}; ` +
        `wave-a ${seconds(a.start - canary.start)}..${seconds(a.end - canary.start)}; wave-b ${seconds(b.start - canary.start)}..${seconds(b.end - canary.start)}`,
    );
    // The wave starts after the canary's last release, and after the soak.
    for (const wave of [a, b]) expect(wave.start - canary.end).toBeGreaterThan(BigInt(SOAK_SECONDS) * 1_000_000_000n);
    // The wave's two clusters overlap: each started before the other got past its slow layer.
    expect(a.start).toBeLessThan(b.end);
    expect(b.start).toBeLessThan(a.end);
  });

  it('plans no change on any stack after the rollout', async () => {
    for (const name of FLEET_CLUSTERS) expect([name, await app.plannedChanges(name)]).toEqual([name, {}]);
  });

  it('deploys the wave one cluster at a time with maxParallel 1, whatever cdktf\'s parallelism', async () => {
    await configure('2.0.2', 1).deploy();
    for (const name of FLEET_CLUSTERS) expect([name, await deployedVersion(name)]).toEqual([name, '2.0.2']);
    const canary = await window('canary');
    const a = await window('wave-a');
    const b = await window('wave-b');
    console.log(`rollout 2.0.2, maxParallel 1 (s after the canary started): wave-a ${seconds(a.start - canary.start)}..${seconds(a.end - canary.start)}; wave-b ${seconds(b.start - canary.start)}..${seconds(b.end - canary.start)}`);
    // Batches in name order: wave-b starts only after wave-a got past its slow layer.
    expect(b.start).toBeGreaterThan(a.end);
  });

  it('destroys the whole fleet with cdktf destroy', async () => {
    const result = await configure('2.0.2', 1).destroy();
    for (const name of FLEET_CLUSTERS) expect([name, await releases(name)]).toEqual([name, []]);
    // cdktf destroys a stack only after every stack that depends on it: the wave before the canary.
    const output = `${result.stdout}\n${result.stderr}`;
    const done = (stack: string) => output.indexOf(`helm_release.${stack}_slow (${stack}/release-slow): Destruction complete`);
    expect(done('wave-a')).toBeGreaterThan(-1);
    expect(done('canary')).toBeGreaterThan(done('wave-a'));
    expect(done('canary')).toBeGreaterThan(done('wave-b'));
  });
});
