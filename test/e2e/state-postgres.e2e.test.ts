// Terraform state in a real PostgreSQL through cdktf's PgBackend, and its lock under two
// concurrent applies. Needs no provider (terraform_data and local-exec are built into Terraform),
// so it runs on every machine, mirror or not.
//
// The scenarios run in order against one state, as pipelines would: each records the state it
// starts from, so it does not depend on how many applies came before.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, PgBackend, TerraformOutput, TerraformResource, TerraformStack } from 'cdktf';
import { Postgres, startPostgres } from './harness/postgres';
import { CommandError, run, RunResult, sleep } from './harness/processes';
import { runSubdir } from './harness/run-dir';
import { requireTerraform, TerraformEnv, terraformEnv } from './harness/terraform-env';

const STACK = 'state';
const ADDRESS = 'terraform_data.marker';

interface MarkerConfig {
  /** What the resource holds; a change replaces it. */
  input: string;
  /** A local-exec provisioner sleeps this long while the resource is created, lock held. */
  sleepSeconds?: number;
}

/** The cdktf app under test: a pg backend and one terraform_data resource. */
function synthesize(outdir: string, connStr: string, config: MarkerConfig): string {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  new PgBackend(stack, { connStr });
  // cdktf 0.21 has no class for terraform_data (it comes with Terraform, not a provider), so the
  // generic resource with its arguments as overrides.
  const marker = new TerraformResource(stack, 'marker', {
    terraformResourceType: 'terraform_data',
    // Provisioners run only when a resource is created: triggers_replace makes every change of
    // input a replacement, so the sleep runs on every apply that changes something.
    provisioners: config.sleepSeconds ? [{ type: 'local-exec', command: `sleep ${config.sleepSeconds}` }] : undefined,
  });
  marker.addOverride('input', config.input);
  marker.addOverride('triggers_replace', config.input);
  new TerraformOutput(stack, 'input', { value: marker.getStringAttribute('output') });
  app.synth();
  return path.join(outdir, 'stacks', STACK);
}

interface StoredState {
  serial: number;
  lineage: string;
  addresses: string[];
  input: string | undefined;
}

describe('Terraform state in PostgreSQL (cdktf PgBackend)', () => {
  let pg: Postgres | undefined;
  let tf: TerraformEnv;

  beforeAll(async () => {
    tf = terraformEnv();
    await requireTerraform(tf.env);
    pg = await startPostgres({ name: 'state-postgres' });
  });

  afterAll(async () => {
    await pg?.stop();
  });

  const terraform = (dir: string, ...args: string[]): Promise<RunResult> =>
    run('terraform', [`-chdir=${dir}`, ...args], { env: tf.env });

  /** Synthesizes the app with this config into its own directory and runs `terraform init` there. */
  async function stack(label: string, config: MarkerConfig): Promise<string> {
    const dir = synthesize(runSubdir('state-postgres', label), pg!.connectionString(), config);
    await terraform(dir, 'init', '-input=false', '-no-color');
    return dir;
  }

  const apply = (dir: string, ...args: string[]) => terraform(dir, 'apply', '-auto-approve', '-input=false', '-no-color', ...args);

  /** Resolves when the plan is empty (exit code 0); rejects with exitCode 2 when it has changes. */
  const planHasNoChanges = (dir: string) => terraform(dir, 'plan', '-detailed-exitcode', '-input=false', '-no-color');

  /** The state as the pg backend stored it: table `states` of schema `terraform_remote_state`. */
  async function storedState(): Promise<StoredState> {
    // jsonb prints each row on one line (the stored text is indented JSON).
    const rows = (await pg!.query(`SELECT jsonb_build_object('name', name, 'state', data::jsonb) FROM terraform_remote_state.states`))
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string; state: Record<string, unknown> });
    expect(rows.map((r) => r.name)).toEqual(['default']); // one workspace, one row
    const state = rows[0].state;
    const resources = state.resources as { mode: string; type: string; name: string; instances: { attributes: { input?: { value: string } } }[] }[];
    return {
      serial: state.serial as number,
      lineage: state.lineage as string,
      addresses: resources.map((r) => `${r.type}.${r.name}`),
      input: resources[0]?.instances[0]?.attributes.input?.value, // terraform_data keeps a dynamic value: { type, value }
    };
  }

  /** Waits until some session holds a PostgreSQL advisory lock: that is the pg backend's state lock. */
  async function stateLockTaken(by: Promise<unknown>): Promise<void> {
    let done = false;
    void by.finally(() => (done = true)).catch(() => undefined);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const held = Number(await pg!.query(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted`));
      if (held > 0) return;
      if (done) {
        await by; // it failed before locking: surface its error
        throw new Error('the first apply finished before the test saw it take the state lock; make it slower');
      }
      await sleep(100);
    }
    throw new Error('the first apply did not take the state lock within 60 s');
  }

  it('applies and keeps the state in PostgreSQL, not on disk', async () => {
    const dir = await stack('first', { input: 'first' });
    await apply(dir);

    const { stdout } = await terraform(dir, 'state', 'list');
    expect(stdout.trim().split('\n')).toEqual([ADDRESS]);
    const stored = await storedState();
    expect(stored.addresses).toEqual([ADDRESS]);
    expect(stored.input).toBe('first');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tfstate'))).toEqual([]);
    await planHasNoChanges(dir);
  });

  it('fails a second apply on the lock while the first holds it, and keeps the state intact', async () => {
    const before = await storedState();
    const slow = await stack('slow', { input: 'slow', sleepSeconds: 5 });
    const fast = await stack('fast', { input: 'fast' });

    const first = apply(slow);
    await stateLockTaken(first);
    const refused = await apply(fast, '-lock-timeout=0s').catch((err: unknown) => err);
    await first; // and the first one succeeds

    expect(refused).toBeInstanceOf(CommandError);
    expect((refused as CommandError).stderr).toMatch(/Error acquiring the state lock[\s\S]*Workspace is already locked: default/);
    // Each successful apply writes the state once (serial + 1; a remote backend also saves snapshots
    // during applies longer than 20 s, these are shorter), the refused one never wrote.
    const after = await storedState();
    expect(after).toEqual({ ...before, serial: before.serial + 1, input: 'slow' });
    const { stdout } = await terraform(fast, 'state', 'list');
    expect(stdout.trim().split('\n')).toEqual([ADDRESS]);
    // The state matches the config that won: applying it again changes nothing, writes nothing,
    // and leaves nothing to plan.
    expect((await apply(slow)).stdout).toMatch(/Resources: 0 added, 0 changed, 0 destroyed/);
    expect(await storedState()).toEqual(after);
    await planHasNoChanges(slow);
  });

  it('makes a second apply with a lock timeout wait for the first, then apply on top of it', async () => {
    const before = await storedState();
    const slow = await stack('slow-2', { input: 'slow-2', sleepSeconds: 5 });
    const waiting = await stack('waiting', { input: 'waiting' });

    const first = apply(slow);
    await stateLockTaken(first);
    const second = apply(waiting, '-lock-timeout=120s');
    await Promise.all([first, second]);

    const after = await storedState();
    expect(after).toEqual({ ...before, serial: before.serial + 2, input: 'waiting' }); // the waiting one wrote last
    await planHasNoChanges(waiting);
    // The first config is now out of date (exit code 2: changes): one state, not one per directory.
    await expect(planHasNoChanges(slow)).rejects.toMatchObject({ exitCode: 2 });
  });
});
