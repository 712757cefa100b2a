import { App } from 'cdktf';
import { parse } from 'yaml';
import { Fleet, RolloutDocument } from '../../lib';
import { githubWorkflow } from '../../lib/fleet/github-workflow';
import { gitlabPipeline } from '../../lib/fleet/gitlab-pipeline';
import { githubWorkflowErrors, gitlabPipelineErrors, gitlabSchema } from './ci-schemas';
import { member, platform } from './fixtures';

const options = { appDirectory: 'deploy/edge', source: 'fleet/edge/rollout.json' };

/** A rollout of six clusters in three waves, with a soak after the canary and batches of 2 in the second. */
function rollout(stopOnFailure = true): RolloutDocument {
  const app = new App();
  const profile = platform(app);
  const names = ['c-1', 'e-1', 'e-2', 'e-3', 'm-1', 'm-2'];
  return new Fleet(app, 'shops', {
    stopOnFailure,
    clusters: names.map((n) => member(n, { ring: n[0] }, profile)),
    waves: [
      { name: 'canary', clusters: ['c-1'], soakSeconds: 120 },
      { name: 'early', matchLabels: { ring: 'e' }, maxParallel: 2 },
      { name: 'main', matchLabels: { ring: 'm' } },
    ],
  }).rollout();
}

describe('GitHub Actions workflow', () => {
  const workflow = githubWorkflow(rollout(), options);
  const jobs = parse(workflow).jobs;

  it('is valid for GitHub\'s workflow schema', () => {
    expect(githubWorkflowErrors(workflow)).toEqual([]);
  });

  it('fails the schema check when a job has a key GitHub does not know, so the check can fail', () => {
    expect(githubWorkflowErrors(workflow.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    runs-in: nowhere'))).toEqual([expect.stringMatching(/Unexpected value 'runs-in'/)]);
  });

  it('has one job per wave and one per soak, each needing the one before', () => {
    expect(Object.entries(jobs).map(([id, job]: [string, any]) => [id, job.needs ?? []])).toEqual([
      ['wave-canary', []],
      ['soak-canary', ['wave-canary']],
      ['wave-early', ['soak-canary']],
      ['wave-main', ['wave-early']],
    ]);
  });

  it('runs each wave as a matrix over its stacks, at most maxParallel at once, failing fast', () => {
    expect(jobs['wave-early'].strategy).toEqual({ 'fail-fast': true, 'max-parallel': 2, matrix: { stack: ['e-1', 'e-2', 'e-3'] } });
    expect(jobs['wave-main'].strategy).toEqual({ 'fail-fast': true, matrix: { stack: ['m-1', 'm-2'] } });
    expect(jobs['wave-early'].steps.at(-1)).toEqual({
      name: 'deploy ${{ matrix.stack }}',
      'working-directory': 'deploy/edge',
      run: 'npx cdktf deploy ${{ matrix.stack }} --skip-provider-lock --auto-approve --ignore-missing-stack-dependencies',
    });
    expect(jobs['soak-canary'].steps.at(-1).run).toBe('npx cdktf deploy shops-soak-canary --skip-provider-lock --auto-approve --ignore-missing-stack-dependencies');
  });

  it('goes on after a failure when the fleet does not stop on failure', () => {
    const lenient = githubWorkflow(rollout(false), options);
    expect(githubWorkflowErrors(lenient)).toEqual([]);
    const lenientJobs = parse(lenient).jobs;
    expect(lenientJobs['wave-early'].strategy['fail-fast']).toBe(false);
    expect(lenientJobs['wave-early'].if).toBe('${{ !cancelled() }}');
    expect(lenientJobs['wave-canary'].if).toBeUndefined();
  });

  it('runs one rollout of a fleet at a time, started by hand', () => {
    expect(parse(workflow)).toMatchObject({ name: 'rollout shops', on: { workflow_dispatch: {} }, concurrency: { group: 'rollout-shops', 'cancel-in-progress': false } });
  });
});

describe('GitLab CI pipeline', () => {
  const pipeline = gitlabPipeline(rollout(), options);
  const parsed = parse(pipeline);

  it('reads GitLab\'s CI schema from the pinned package', () => {
    expect(gitlabSchema()).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'https://gitlab.com/.gitlab-ci.yml' });
  });

  it('is valid for GitLab\'s CI schema', () => {
    expect(gitlabPipelineErrors(pipeline)).toEqual([]);
  });

  it('fails the schema check on a malformed matrix, so the check can fail', () => {
    expect(gitlabPipelineErrors(pipeline.replace('  parallel:\n    matrix:\n      - STACK:\n          - c-1', '  parallel:\n    matrix: c-1'))).toContain('/wave-canary/parallel/matrix must be array');
  });

  it('has a stage per wave and soak, and a matrix job per batch, each needing the one before', () => {
    expect(parsed.stages).toEqual(['wave-canary', 'soak-canary', 'wave-early', 'wave-main']);
    const jobs = Object.entries(parsed).filter(([id]) => !['stages', 'variables', '.cdktf-deploy'].includes(id));
    expect(jobs.map(([id, job]: [string, any]) => [id, job.stage, job.needs ?? [], job.parallel?.matrix[0].STACK ?? job.variables.STACK])).toEqual([
      ['wave-canary', 'wave-canary', [], ['c-1']],
      ['soak-canary', 'soak-canary', ['wave-canary'], 'shops-soak-canary'],
      ['wave-early-batch-1', 'wave-early', ['soak-canary'], ['e-1', 'e-2']],
      ['wave-early-batch-2', 'wave-early', ['wave-early-batch-1'], ['e-3']],
      ['wave-main', 'wave-main', ['wave-early-batch-2'], ['m-1', 'm-2']],
    ]);
    expect(parsed['.cdktf-deploy'].script).toEqual(['cd "$CDKTF_APP_DIR"', 'npx cdktf deploy "$STACK" --skip-provider-lock --auto-approve --ignore-missing-stack-dependencies']);
    expect(parsed.variables).toEqual({ CDKTF_APP_DIR: 'deploy/edge' });
  });

  it('runs later jobs whatever happened before when the fleet does not stop on failure', () => {
    const lenient = gitlabPipeline(rollout(false), options);
    expect(gitlabPipelineErrors(lenient)).toEqual([]);
    const whens = Object.entries(parse(lenient)).filter(([id]) => id.startsWith('wave-') || id.startsWith('soak-')).map(([id, job]: [string, any]) => [id, job.when]);
    expect(whens).toEqual([
      ['wave-canary', undefined],
      ['soak-canary', 'always'],
      ['wave-early-batch-1', 'always'],
      ['wave-early-batch-2', 'always'],
      ['wave-main', 'always'],
    ]);
  });
});

describe('CI definitions of large waves', () => {
  /** A rollout of a canary and a wave of `size` stacks, with the given maxParallel. */
  function large(size: number, maxParallel: number | null): RolloutDocument {
    const stacks = Array.from({ length: size }, (_, i) => `s-${String(i).padStart(3, '0')}`);
    const wave = (name: string, names: string[], canary: boolean) => ({
      name,
      canary,
      maxParallel,
      stacks: names,
      batches: maxParallel === null ? [names] : Array.from({ length: Math.ceil(names.length / maxParallel) }, (_, i) => names.slice(i * maxParallel, (i + 1) * maxParallel)),
      soak: null,
      clusters: [],
    });
    return { apiVersion: 'cluster-profiles.dev/v1', kind: 'Rollout', fleet: 'big', stopOnFailure: true, waves: [wave('canary', ['c-0'], true), wave('main', stacks, false), wave('last', ['z-0'], false)] };
  }

  it('splits a GitHub matrix of more than 256 stacks into parts that run one after the other', () => {
    const workflow = githubWorkflow(large(300, 20), options);
    expect(githubWorkflowErrors(workflow)).toEqual([]);
    const jobs = parse(workflow).jobs;
    expect(Object.entries(jobs).map(([id, job]: [string, any]) => [id, job.needs ?? [], job.strategy.matrix.stack.length, job.strategy['max-parallel'] ?? null])).toEqual([
      ['wave-canary', [], 1, null],
      ['wave-main-part-1', ['wave-canary'], 256, 20],
      ['wave-main-part-2', ['wave-main-part-1'], 44, 20],
      ['wave-last', ['wave-main-part-2'], 1, null],
    ]);
  });

  it('splits a GitLab batch of more than 200 stacks into parts that run together', () => {
    const pipeline = gitlabPipeline(large(250, null), options);
    expect(gitlabPipelineErrors(pipeline)).toEqual([]);
    const parsed = parse(pipeline);
    const jobs = Object.entries(parsed).filter(([id]) => id.startsWith('wave-'));
    expect(jobs.map(([id, job]: [string, any]) => [id, job.needs ?? [], job.parallel.matrix[0].STACK.length])).toEqual([
      ['wave-canary', [], 1],
      ['wave-main-part-1', ['wave-canary'], 200],
      ['wave-main-part-2', ['wave-canary'], 50],
      ['wave-last', ['wave-main-part-1', 'wave-main-part-2'], 1],
    ]);
  });
});
