// The environment of every terraform and cdktf command the suite runs. Terraform must find the
// providers in the filesystem mirror and nowhere else (there is no network, and a stray registry
// lookup should fail at once rather than time out), and must not phone home.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { providerMirrorDir, requiredProviders } from './provider-mirror';
import { run } from './processes';
import { runSubdir } from './run-dir';

export interface TerraformEnv {
  /** Pass as `env` to run(): process.env plus the settings below. */
  env: NodeJS.ProcessEnv;
  cliConfigFile: string;
  pluginCacheDir: string;
  mirror: string;
}

/**
 * Writes the CLI config into the run directory and returns the environment that uses it.
 * The machine exports a TF_CLI_CONFIG_FILE pointing at a missing file; this overrides it.
 */
export function terraformEnv(mirror = providerMirrorDir()): TerraformEnv {
  const dir = runSubdir('terraform');
  const cliConfigFile = path.join(dir, 'terraformrc');
  const pluginCacheDir = runSubdir('terraform', 'plugin-cache');
  const include = requiredProviders().map((p) => JSON.stringify(p.address));
  fs.writeFileSync(
    cliConfigFile,
    [
      '# Written by the e2e harness (test/e2e/harness/terraform-env.ts).',
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(mirror)}`,
      `    include = [${include.join(', ')}]`,
      '  }',
      '  # No direct {} block: any other provider fails fast instead of trying the network.',
      '}',
      'disable_checkpoint = true',
      '',
    ].join('\n'),
  );

  const env: NodeJS.ProcessEnv = { ...process.env };
  // A developer's own settings must not change what the suite runs: extra CLI arguments, another
  // workspace or data directory would make results depend on the shell they ran in.
  for (const name of Object.keys(env)) {
    if (/^TF_CLI_ARGS/.test(name) || name === 'TF_WORKSPACE' || name === 'TF_DATA_DIR') delete env[name];
  }
  Object.assign(env, {
    TF_CLI_CONFIG_FILE: cliConfigFile,
    CHECKPOINT_DISABLE: '1', // Terraform's and cdktf's update checks
    TF_IN_AUTOMATION: '1',
    // Set, so cdktf does not point it at ~/.terraform.d/plugin-cache, shared with other projects.
    TF_PLUGIN_CACHE_DIR: pluginCacheDir,
  });
  return { env, cliConfigFile, pluginCacheDir, mirror };
}

/** The Terraform version on the PATH; throws a clear error when there is none. */
export async function requireTerraform(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let version: string;
  try {
    const { stdout } = await run('terraform', ['version', '-json'], { env });
    version = (JSON.parse(stdout) as { terraform_version: string }).terraform_version;
  } catch (err) {
    throw new Error(
      `e2e: \`terraform\` is not usable from the PATH; the e2e suite needs Terraform 1.11 or newer.\n${(err as Error).message}`,
    );
  }
  const [major, minor] = version.split('.').map(Number);
  if (major < 1 || (major === 1 && minor < 11)) {
    throw new Error(`e2e: Terraform ${version} is on the PATH; the e2e suite needs 1.11 or newer`);
  }
  return version;
}
