// A cdktf app under test, deployed with the real `cdktf deploy`. The app folder lives in
// .e2e/apps/ inside the repository, so its main.ts resolves cdktf and the library from the
// repository's node_modules; its cdktf.json carries the scenario's settings as context.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, RunResult } from './processes';
import { REPO_ROOT } from './run-dir';
import { TerraformEnv } from './terraform-env';

export class CdktfApp {
  readonly dir: string;

  /**
   * @param name folder name under .e2e/apps
   * @param module the app's module, relative to the repository root, exporting `build(app, context)`
   *   (or a named export given as `module#name`)
   */
  constructor(
    name: string,
    private readonly module: string,
    private readonly terraform: TerraformEnv,
    private readonly extraEnv: NodeJS.ProcessEnv = {},
  ) {
    this.dir = path.join(REPO_ROOT, '.e2e', 'apps', name);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** Writes main.ts and cdktf.json for the given context; returns this. */
  configure(context: object): this {
    const [file, exported = 'build'] = this.module.split('#');
    const from = path.relative(this.dir, path.join(REPO_ROOT, file)).replace(/\.ts$/, '');
    fs.writeFileSync(
      path.join(this.dir, 'main.ts'),
      [
        "import { App } from 'cdktf';",
        `import { ${exported} } from '${from}';`,
        'const app = new App();',
        `${exported}(app, app.node.tryGetContext('e2e'));`,
        'app.synth();',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(this.dir, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: 'npx --no-install tsx main.ts', projectId: 'e2e', sendCrashReports: 'false', terraformProviders: [], context: { ...context, e2e: context } }, null, 2),
    );
    return this;
  }

  private env(): NodeJS.ProcessEnv {
    return { ...this.terraform.env, ...this.extraEnv, CI: '1', FORCE_COLOR: '0' };
  }

  private cdktf(args: string[]): Promise<RunResult> {
    return run(path.join(REPO_ROOT, 'node_modules', '.bin', 'cdktf'), args, { cwd: this.dir, env: this.env(), timeoutMs: 10 * 60 * 1000 });
  }

  /** `cdktf deploy` of every stack; --skip-provider-lock, since `providers lock` needs the registry. */
  deploy(): Promise<RunResult> {
    return this.cdktf(['deploy', '*', '--auto-approve', '--skip-provider-lock']);
  }

  destroy(): Promise<RunResult> {
    return this.cdktf(['destroy', '*', '--auto-approve', '--skip-provider-lock']);
  }

  synth(): Promise<RunResult> {
    return this.cdktf(['synth']);
  }

  stackDir(stack: string): string {
    return path.join(this.dir, 'cdktf.out', 'stacks', stack);
  }

  /** `terraform` in a synthesized stack's folder (init first when needed). */
  async terraformIn(stack: string, args: string[]): Promise<RunResult> {
    const cwd = this.stackDir(stack);
    if (!fs.existsSync(path.join(cwd, '.terraform'))) await run('terraform', ['init', '-input=false', '-no-color'], { cwd, env: this.env() });
    return run('terraform', args, { cwd, env: this.env() });
  }

  /** The resource changes a fresh plan would make, as `address: action` (no-op resources left out). */
  async plannedChanges(stack: string): Promise<Record<string, string>> {
    await this.synth();
    await this.terraformIn(stack, ['plan', '-input=false', '-no-color', '-out=e2e.plan']);
    const { stdout } = await this.terraformIn(stack, ['show', '-json', 'e2e.plan']);
    const plan = JSON.parse(stdout) as { resource_changes?: Array<{ address: string; change: { actions: string[] } }> };
    const changes: Record<string, string> = {};
    for (const rc of plan.resource_changes ?? []) {
      const action = rc.change.actions.join('+');
      if (action !== 'no-op' && action !== 'read') changes[rc.address] = action;
    }
    return changes;
  }
}
