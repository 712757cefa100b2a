// The Terraform providers of real deploys (hashicorp/helm and hashicorp/kubernetes) cannot be
// downloaded here (no route to registry.terraform.io) and are never built or committed by this
// repository, so the suite takes them as input: a Terraform filesystem mirror (unpacked layout,
// HOSTNAME/NAMESPACE/TYPE/VERSION/OS_ARCH/terraform-provider-TYPE*). This file finds it and says
// what is missing from it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface RequiredProvider {
  /** e.g. registry.terraform.io/hashicorp/helm: also the mirror's directory path. */
  address: string;
  /** e.g. hashicorp/helm */
  source: string;
  /** e.g. helm: binaries are named terraform-provider-<type>* */
  type: string;
  /** The exact version cdktf synthesizes: a mirror holding any other version does not help. */
  version: string;
}

/**
 * The providers real deploys need, read from the prebuilt bindings this package pins (their
 * package.json names the provider and the exact version the bindings synthesize), so a binding
 * upgrade moves the mirror requirement with it.
 */
export function requiredProviders(): RequiredProvider[] {
  return ['@cdktf/provider-helm', '@cdktf/provider-kubernetes'].map((pkg) => {
    const manifest = JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8'));
    const { name, version } = manifest.cdktf.provider as { name: string; version: string };
    const source = name.split('/').slice(-2).join('/');
    return { address: name, source, type: source.split('/')[1], version };
  });
}

/** E2E_PROVIDER_MIRROR, or a per-user cache shared with the control-plane binaries. */
export function providerMirrorDir(): string {
  return path.resolve(process.env.E2E_PROVIDER_MIRROR || path.join(os.homedir(), '.cache', 'cluster-profiles', 'provider-mirror'));
}

/** Terraform's platform name for this machine, e.g. linux_amd64. */
export function terraformPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  return `${process.platform}_${arch[process.arch] ?? process.arch}`;
}

export interface MissingProvider {
  provider: RequiredProvider;
  /** The directory that should hold it. */
  dir: string;
  /** 'missing', or why what is there does not count. */
  problem: 'missing' | 'not executable';
}

export interface MirrorCheck {
  mirror: string;
  platform: string;
  providers: RequiredProvider[];
  missing: MissingProvider[];
}

/** Checks that the mirror holds an executable binary of every required provider. */
export function checkProviderMirror(mirror = providerMirrorDir()): MirrorCheck {
  const platform = terraformPlatform();
  const providers = requiredProviders();
  const missing: MissingProvider[] = [];
  for (const provider of providers) {
    const dir = path.join(mirror, provider.address, provider.version, platform);
    const binaries = (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      .filter((f) => f.startsWith(`terraform-provider-${provider.type}`))
      .map((f) => path.join(dir, f))
      .filter((f) => fs.statSync(f).isFile());
    if (binaries.length === 0) missing.push({ provider, dir, problem: 'missing' });
    else if (!binaries.some(isExecutable)) missing.push({ provider, dir, problem: 'not executable' });
  }
  return { mirror, platform, providers, missing };
}

/** The one line the suite prints about the mirror: what runs, or what is skipped and why. */
export function mirrorStatusLine(check: MirrorCheck): string {
  const names = (ps: RequiredProvider[]) => ps.map((p) => `${p.source} ${p.version}`).join(' and ');
  if (check.missing.length === 0) {
    return `e2e: real deploys use ${names(check.providers)} from ${check.mirror}`;
  }
  const what = check.missing
    .map((m) => `${m.provider.source} ${m.provider.version}${m.problem === 'missing' ? '' : ` (present but ${m.problem})`}`)
    .join(' and ');
  return (
    `e2e: SKIPPED real deploys: no ${what} for ${check.platform} in ${check.mirror}; ` +
    'build them into a Terraform filesystem mirror there (or set E2E_PROVIDER_MIRROR), see README "End-to-end tests"'
  );
}

/**
 * Prints the status line once (globalSetup calls it) and returns whether real deploys can run.
 * With E2E_REQUIRED=1 (a machine that must run them, e.g. the release pipeline) a missing
 * provider is an error instead of a skip.
 */
export function announceProviderMirror(check = checkProviderMirror(), print = (line: string) => console.log(line)): boolean {
  const line = mirrorStatusLine(check);
  if (check.missing.length > 0 && process.env.E2E_REQUIRED === '1') {
    throw new Error(`${line.replace('SKIPPED', 'cannot run')} (E2E_REQUIRED=1)`);
  }
  print(line);
  return check.missing.length === 0;
}

/** For provider-dependent tests: true when they can run. They stay quiet: globalSetup has spoken. */
export function providersAvailable(): boolean {
  return checkProviderMirror().missing.length === 0;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK); // for whoever runs the suite, who also runs terraform
    return true;
  } catch {
    return false;
  }
}
