import { FieldDrift } from './compare-object';

/** Version of the drift report's JSON shape; bumped on any incompatible change. */
export const DRIFT_REPORT_API_VERSION = 'cluster-profiles.dev/v1';

/** One object of a release that is not as the release installed it. */
export interface ObjectDrift {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  /** The release that installed it (a layer may install several). */
  readonly release: string;
  /**
   * `missing`: gone from the cluster; `changed`: fields differ; `extra`: labelled as the
   * release's by Helm, but not in its manifest.
   */
  readonly state: 'missing' | 'changed' | 'extra';
  /** The differing fields of a changed object, in the order of the object. */
  readonly fields: readonly FieldDrift[];
}

/** What drift found for one layer. */
export interface LayerDrift {
  readonly layer: string;
  /** `in-sync`, `drifted`, or `error` when it could not be checked. */
  readonly status: 'in-sync' | 'drifted' | 'error';
  /** The `helm_release` addresses of the layer: what `--repair` replaces. */
  readonly addresses: readonly string[];
  /** How many objects of its manifests were compared. */
  readonly checked: number;
  /**
   * CustomResourceDefinitions among its releases' templates: `--repair` leaves such a layer alone.
   * (CRDs of a chart's `crds/` folder survive an uninstall, so they do not count.)
   */
  readonly definesCrds?: readonly string[];
  /** Differing fields an ignore rule covered, as `Kind/name /pointer`. */
  readonly ignored: readonly string[];
  readonly objects: readonly ObjectDrift[];
  /** Why it could not be checked. */
  readonly error?: string;
}

/** What drift found on one cluster. */
export interface ClusterDrift {
  readonly cluster: string;
  readonly status: 'in-sync' | 'drifted' | 'error';
  /** Layers that install releases, in install order. */
  readonly layers: readonly LayerDrift[];
  /** Why the cluster could not be checked at all (no connection, say). */
  readonly error?: string;
}

/** Terraform's own view of a stack: `terraform plan -refresh-only -detailed-exitcode`. */
export interface TerraformDrift {
  /** `skipped` when not asked for. */
  readonly status: 'in-sync' | 'drifted' | 'error' | 'skipped';
  /** Resources Terraform says changed outside it, by address. */
  readonly changed: readonly string[];
  /** For each of them, the attributes that changed (paths, never values), or `(deleted)`. */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
  readonly error?: string;
}

/** One synthesized stack. */
export interface StackDrift {
  readonly stack: string;
  readonly terraform: TerraformDrift;
  readonly clusters: readonly ClusterDrift[];
}

/** What `--repair` did. */
export interface DriftRepair {
  /** Per stack, the addresses given to `terraform apply -replace`. */
  readonly replaced: Readonly<Record<string, readonly string[]>>;
  /** Drifted layers' addresses left alone, with why: repair them by hand. */
  readonly skipped?: ReadonlyArray<{ readonly stack: string; readonly address: string; readonly reason: string }>;
  readonly status: 'repaired' | 'failed' | 'nothing-to-repair';
  readonly error?: string;
}

/** The whole report: JSON with `--json`, text otherwise. */
export interface DriftReport {
  readonly apiVersion: string;
  readonly kind: 'DriftReport';
  /** Whether anything drifted (after repair, when repaired). */
  readonly drifted: boolean;
  /** Whether anything could not be checked. */
  readonly errors: boolean;
  readonly stacks: readonly StackDrift[];
  /** What `--repair` did, before the stacks above were checked again. */
  readonly repair?: DriftRepair;
  /** Drift per fleet wave: not available until the library has fleets. */
  readonly fleet: { readonly status: 'not-available'; readonly reason: string };
}

/** The report of a set of checked stacks. */
export function driftReport(stacks: readonly StackDrift[], repair?: DriftRepair): DriftReport {
  const statuses = stacks.flatMap((s) => [s.terraform.status, ...s.clusters.flatMap((c) => [c.status, ...c.layers.map((l) => l.status)])]);
  return {
    apiVersion: DRIFT_REPORT_API_VERSION,
    kind: 'DriftReport',
    drifted: statuses.includes('drifted'),
    errors: statuses.includes('error') || repair?.status === 'failed',
    stacks,
    ...(repair ? { repair } : {}),
    fleet: { status: 'not-available', reason: 'this version of the library has no fleets; drift is reported per stack and cluster' },
  };
}

/** 0 when nothing drifted, 1 when something did, 2 when something could not be checked. */
export function driftExitCode(report: DriftReport): number {
  return report.errors ? 2 : report.drifted ? 1 : 0;
}

/** The report as text: one block per stack, cluster and drifted layer; a line per field. */
export function formatDriftReport(report: DriftReport): string {
  const lines: string[] = [];
  if (report.repair) {
    const replaced = Object.entries(report.repair.replaced).flatMap(([stack, addresses]) => addresses.map((a) => `${stack}: ${a}`));
    lines.push(`repair: ${report.repair.status}${replaced.length > 0 ? ` (replaced ${replaced.join(', ')})` : ''}${report.repair.error ? `: ${report.repair.error}` : ''}`);
    for (const skip of report.repair.skipped ?? []) lines.push(`  not repaired: ${skip.stack}: ${skip.address}: ${skip.reason}`);
  }
  for (const stack of report.stacks) {
    const tf = stack.terraform;
    lines.push(`stack ${stack.stack}`);
    lines.push(`  terraform refresh: ${tf.status}${tf.error ? `: ${tf.error}` : ''}`);
    for (const address of tf.changed) lines.push(`    ${address}: ${(tf.attributes?.[address] ?? []).join(', ') || 'changed'}`);
    for (const cluster of stack.clusters) {
      const drifted = cluster.layers.filter((l) => l.status !== 'in-sync');
      const checked = cluster.layers.reduce((n, l) => n + l.checked, 0);
      lines.push(`  cluster ${cluster.cluster}: ${cluster.status}${cluster.error ? `: ${cluster.error}` : ` (${cluster.layers.length} layers, ${checked} objects checked)`}`);
      for (const layer of drifted) {
        lines.push(`    layer ${layer.layer}: ${layer.status}${layer.error ? `: ${layer.error}` : ''}`);
        for (const object of layer.objects) {
          const where = `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
          lines.push(`      ${object.state} ${where}${object.state === 'extra' ? ` (labelled as release ${object.release}, not in its manifest)` : ''}`);
          for (const field of object.fields) {
            const item = field.path ? ` (${field.path})` : '';
            lines.push(`        ${field.field}${item}: expected ${show(field.expected)}, live ${'live' in field ? show(field.live) : '(absent)'}`);
          }
        }
      }
      const ignored = cluster.layers.reduce((n, l) => n + l.ignored.length, 0);
      if (ignored > 0) lines.push(`    ignored by drift rules: ${ignored} field${ignored === 1 ? '' : 's'}`);
    }
  }
  lines.push(`fleet waves: not available (${report.fleet.reason})`);
  lines.push(report.errors ? 'result: error (some objects could not be checked)' : report.drifted ? 'result: drift' : 'result: no drift');
  return `${lines.join('\n')}\n`;
}

/** A value on one line: JSON, cut at 120 characters. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
