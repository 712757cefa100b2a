import { Construct } from 'constructs';
import { listMapper, listMapperHcl, TerraformMetaArguments, TerraformResource } from 'cdktf';

/** What emission sets on a `helm_release`: a subset of the binding's `ReleaseConfig`. */
export interface HelmReleaseConfig extends Pick<TerraformMetaArguments, 'provider' | 'dependsOn' | 'lifecycle'> {
  readonly name: string;
  readonly chart: string;
  readonly repository?: string;
  readonly version?: string;
  readonly namespace?: string;
  readonly createNamespace?: boolean;
  /** Values documents, in order (YAML). */
  readonly values?: readonly string[];
  /** `--set` entries; a value may be a Terraform expression. */
  readonly set?: ReadonlyArray<HelmSetEntry>;
  /** `--set` entries Terraform masks in its output. */
  readonly setSensitive?: ReadonlyArray<HelmSetEntry>;
  readonly atomic?: boolean;
  readonly cleanupOnFail?: boolean;
  readonly wait?: boolean;
  readonly waitForJobs?: boolean;
  /** Seconds Helm waits for one operation. */
  readonly timeout?: number;
  readonly maxHistory?: number;
  readonly upgradeInstall?: boolean;
}

/** One `set` or `set_sensitive` block. */
export interface HelmSetEntry {
  readonly name: string;
  readonly value: string;
}

/** What the hashicorp/helm binding (12.1.2, provider 3.1.1) declares; checked against `Release` by the guard test. */
export const HELM_GENERATOR_METADATA = { providerName: 'helm', providerVersion: '3.1.1', providerVersionConstraint: '~> 3.0' } as const;

/**
 * Our `helm_release` element: the attributes emission sets, synthesized exactly as the provider
 * binding's `Release` (`@cdktf/provider-helm/lib/release`) synthesizes them.
 *
 * Why not `Release`: its constructor creates eight output-reference objects (metadata,
 * postrender, resources, set, set_list, set_sensitive, set_wo, timeouts), and cdktf records a
 * full, unbounded stack trace for each (cdktf/lib/tokens/private/stack-trace.js). We create
 * releases inside the emit Aspect during `app.synth()`, where the stack is deep (25 frames
 * against 16 when written at the top of an app). Measured at 100 clusters x 30 layers (issue 7):
 * - `npx tsx bench/profile.ts --stacks`: 35,202 stack captures of 25 frames with `Release`,
 *   11,202 with this element (the rest are cdktf's own `depends_on` tokens, as in raw cdktf);
 * - `npm run bench -- --only=synth_100x30`, ours / raw cdktf: construct+synth 1.02 (paired 1.31)
 *   -> 0.92 (paired 0.90), CPU 1.38 -> 0.94, peak RSS 1.25 -> 0.86.
 * This element makes no token when constructed, and its module loads far less code.
 *
 * test/cluster/helm-release.test.ts synthesizes a table of configurations through both this and
 * `Release` and requires identical JSON and HCL, so a binding upgrade that changes the shape (a
 * renamed attribute, another block kind, other generator metadata) fails there, loudly.
 */
export class HelmRelease extends TerraformResource {
  public static readonly tfResourceType = 'helm_release';

  private readonly config: HelmReleaseConfig;

  constructor(scope: Construct, id: string, config: HelmReleaseConfig) {
    super(scope, id, {
      terraformResourceType: HelmRelease.tfResourceType,
      terraformGeneratorMetadata: { ...HELM_GENERATOR_METADATA },
      provider: config.provider,
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
    });
    this.config = config;
  }

  /** In the binding's order (alphabetical), which is the order of the keys in cdk.tf.json. */
  protected synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    return {
      atomic: c.atomic,
      chart: c.chart,
      cleanup_on_fail: c.cleanupOnFail,
      create_namespace: c.createNamespace,
      max_history: c.maxHistory,
      name: c.name,
      namespace: c.namespace,
      repository: c.repository,
      set: listMapper(setEntry, false)(c.set),
      set_sensitive: listMapper(setEntry, false)(c.setSensitive),
      timeout: c.timeout,
      upgrade_install: c.upgradeInstall,
      values: listMapper(identity, false)(c.values),
      version: c.version,
      wait: c.wait,
      wait_for_jobs: c.waitForJobs,
    };
  }

  /** What `cdktf synth --hcl` renders: each attribute with how the binding declares it. */
  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const c = this.config;
    const attributes: { [name: string]: HclAttribute } = {
      atomic: simple(c.atomic, 'boolean'),
      chart: simple(c.chart, 'string'),
      cleanup_on_fail: simple(c.cleanupOnFail, 'boolean'),
      create_namespace: simple(c.createNamespace, 'boolean'),
      max_history: simple(c.maxHistory, 'number'),
      name: simple(c.name, 'string'),
      namespace: simple(c.namespace, 'string'),
      repository: simple(c.repository, 'string'),
      set: { value: listMapperHcl(hclSetEntry, false)(c.set), isBlock: true, type: 'list', storageClassType: 'ReleaseSetList' },
      set_sensitive: {
        value: listMapperHcl(hclSetEntry, false)(c.setSensitive),
        isBlock: true,
        type: 'list',
        storageClassType: 'ReleaseSetSensitiveList',
      },
      timeout: simple(c.timeout, 'number'),
      upgrade_install: simple(c.upgradeInstall, 'boolean'),
      values: { value: listMapperHcl(identity, false)(c.values), isBlock: false, type: 'list', storageClassType: 'stringList' },
      version: simple(c.version, 'string'),
      wait: simple(c.wait, 'boolean'),
      wait_for_jobs: simple(c.waitForJobs, 'boolean'),
    };
    return withoutUndefined(attributes);
  }
}

interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: 'simple' | 'list';
  readonly storageClassType: string;
}

const identity = (x: unknown): unknown => x;

const setEntry = (entry: HelmSetEntry) => ({ name: entry.name, value: entry.value });

const simple = (value: unknown, storageClassType: string): HclAttribute => ({ value, isBlock: false, type: 'simple', storageClassType });

const hclSetEntry = (entry: HelmSetEntry) =>
  withoutUndefined({ name: simple(entry.name, 'string'), value: simple(entry.value, 'string') });

/** The binding leaves out attributes without a value, so the HCL renderer never sees them. */
function withoutUndefined(attributes: { [name: string]: HclAttribute }): { [name: string]: HclAttribute } {
  return Object.fromEntries(Object.entries(attributes).filter(([, a]) => a.value !== undefined));
}
