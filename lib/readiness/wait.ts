import { ProfileError } from '../errors';
import type { KubeClient } from '../kube/kube-client';
import { evaluateJsonPath, parseJsonPath, text } from './json-path';
import { describeGate, describeObject, GateObject, isWaiterGate, ReadinessGate } from './readiness';
import { readinessTimeout } from '../diagnostics';

/**
 * The waiter: polls the API server until each gate of a gate file passes (one layer's, or those
 * of the cluster's layers no layer waits for), or fails with what it last saw. Run by
 * `cluster-profiles wait` from a `terraform_data` during a deploy (gate-emission.ts).
 */

/**
 * Environment variables through which a gate's `terraform_data` hands the waiter the connection
 * settings that are Terraform expressions (resolved by Terraform at apply), by the helm provider
 * field they override. The bearer token is never passed this way: a sensitive value in a
 * provisioner's config makes Terraform suppress all of its output, the failure message included,
 * so the waiter reads it as drift does (TF_VAR_<name>, or the variable's default).
 */
export const CONNECTION_ENVIRONMENT: Readonly<Record<string, string>> = {
  config_path: 'CLUSTER_PROFILES_CONFIG_PATH',
  config_context: 'CLUSTER_PROFILES_CONFIG_CONTEXT',
  host: 'CLUSTER_PROFILES_HOST',
  cluster_ca_certificate: 'CLUSTER_PROFILES_CLUSTER_CA_CERTIFICATE',
};

/**
 * Version of the gate file's shape. v2 holds several layers (the cluster's file); the waiter
 * refuses another version (a gate file written by another release of this package) with a fix.
 */
export const GATE_FILE_API_VERSION = 'cluster-profiles.dev/v2';

/**
 * What emission writes beside the stack for a waiter: `clusters/<cluster>/gates/<layer>.json`
 * for a layer that later layers wait for, and `clusters/<cluster>/gates/_cluster.json` (`_` is
 * in no layer name) for the gated layers no layer waits for, which one waiter checks together.
 */
export interface GateFile {
  readonly apiVersion: string;
  readonly kind: 'ReadinessGates';
  readonly cluster: string;
  /** `layer`: the gates of the one layer in `layers`; `cluster`: those of the layers nothing else waits for. */
  readonly scope: 'layer' | 'cluster';
  /** The layers whose gates the waiter checks, all at once. */
  readonly layers: readonly LayerGates[];
}

/** One layer's waiter gates in a gate file. */
export interface LayerGates {
  readonly layer: string;
  /** The layer's namespace: the namespace of a gate's object that names none. */
  readonly namespace: string;
  /** The waiter's gates, in order. */
  readonly gates: readonly ReadinessGate[];
}

/** How the waiter polls; tests shorten it. */
export interface WaitOptions {
  /**
   * Pause between two polls of a gate, in milliseconds.
   * @default 1000
   */
  readonly pollMilliseconds?: number;
  /** Called once per gate when it passes, with its layer and the seconds taken. */
  readonly onPass?: (layer: string, gate: ReadinessGate, seconds: number) => void;
}

/** One look at a gate: whether it passed, and what was seen (for the failure message). */
interface Observation {
  readonly passed: boolean;
  readonly seen: string;
}

/**
 * Waits for every waiter gate of `file`: the layers at the same time (none waits for another),
 * each layer's gates one after the other, each within its own timeout counted from when the
 * waiter reaches it. Resolves when all passed; rejects with one READINESS_TIMEOUT per gate that
 * did not, once every layer has passed or failed. `where` is the gate file as errors name it
 * (relative to the stack folder).
 */
export async function waitForGates(client: KubeClient, file: GateFile, where: string, options: WaitOptions = {}): Promise<void> {
  const results = await Promise.allSettled(file.layers.map((layer) => waitForLayer(client, file, layer, where, options)));
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failed.length === 0) return;
  const unexpected = failed.find((e) => !(e instanceof ProfileError));
  if (unexpected) throw unexpected;
  throw new ProfileError((failed as ProfileError[]).flatMap((e) => e.diagnostics));
}

async function waitForLayer(client: KubeClient, file: GateFile, layer: LayerGates, where: string, options: WaitOptions): Promise<void> {
  const poll = options.pollMilliseconds ?? 1000;
  // The cluster's file holds several layers: its errors name the one whose gate failed.
  const location = file.scope === 'cluster' ? `${where}: layer ${layer.layer}` : where;
  for (const gate of layer.gates.filter(isWaiterGate)) {
    const started = Date.now();
    const deadline = started + gate.timeoutSeconds * 1000;
    let last: Observation = { passed: false, seen: 'not checked yet' };
    for (;;) {
      last = await observe(client, gate, layer.namespace).catch((e: Error) => ({ passed: false, seen: `the API server could not be asked: ${e.message.split('\n')[0]}` }));
      if (last.passed) break;
      if (Date.now() + poll > deadline) throw timeoutError(location, layer, gate, last.seen);
      await new Promise((resolve) => setTimeout(resolve, poll));
    }
    options.onPass?.(layer.layer, gate, Math.round((Date.now() - started) / 100) / 10);
  }
}

/**
 * The error of a gate that did not pass in its timeout: gate file (which names the cluster) and
 * layer, gate, object, last status, fix; `where` is the gate file (and the layer, in the
 * cluster's file).
 */
export function timeoutError(where: string, layer: Pick<LayerGates, 'layer' | 'namespace'>, gate: ReadinessGate, seen: string): ProfileError {
  const object = 'object' in gate ? withNamespace(gate.object, layer.namespace) : undefined;
  const look = object ? `kubectl get ${object.kind.toLowerCase()} ${object.name}${object.namespace ? ` -n ${object.namespace}` : ''} -o yaml` : 'kubectl get crd';
  const evidence = [...(object ? [`object: ${describeObject(object)}`] : []), `last seen: ${seen}`];
  return new ProfileError([readinessTimeout(where, layer.layer, gate.timeoutSeconds, describeGate(gate), evidence, look)]);
}

async function observe(client: KubeClient, gate: ReadinessGate, namespace: string): Promise<Observation> {
  if (gate.kind === 'crdsEstablished') return observeCrds(client, gate.names);
  if (!('object' in gate)) return { passed: true, seen: 'Helm waits for it' };
  const ref = withNamespace(gate.object, namespace);
  const located = await client.locate(ref, namespace);
  if (!located) return { passed: false, seen: `the server serves no kind ${ref.kind} in ${ref.apiVersion} (is its CRD installed?)` };
  const object = await client.get<Record<string, unknown>>(located.path);
  if (!object) return { passed: false, seen: `${describeObject(ref)} does not exist` };
  const status = `${describeObject(ref)} exists; ${describeConditions(object)}`;
  switch (gate.kind) {
    case 'exists':
      return { passed: true, seen: status };
    case 'condition': {
      const condition = conditionsOf(object).find((c) => c.type === gate.type);
      return { passed: condition?.status === gate.status, seen: status };
    }
    case 'jsonPath': {
      const parsed = parseJsonPath(gate.path);
      const values = 'segments' in parsed ? evaluateJsonPath(object, parsed.segments).map(text) : [];
      return { passed: values.includes(gate.value), seen: `${status}; ${gate.path} = ${values.length > 0 ? values.join(', ') : '(nothing)'}` };
    }
    default:
      return { passed: true, seen: status };
  }
}

async function observeCrds(client: KubeClient, names: readonly string[]): Promise<Observation> {
  const seen: string[] = [];
  let passed = true;
  for (const name of names) {
    const crd = await client.get<Record<string, unknown>>(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(name)}`);
    const established = crd && conditionsOf(crd).find((c) => c.type === 'Established')?.status === 'True';
    if (!established) passed = false;
    seen.push(crd ? `CRD ${name}: ${describeConditions(crd)}` : `CRD ${name} does not exist`);
  }
  return { passed, seen: seen.join('; ') };
}

interface Condition {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
}

function conditionsOf(object: Record<string, unknown>): Condition[] {
  const conditions = (object.status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(conditions) ? (conditions as Condition[]) : [];
}

/** `conditions: Ready=False (Pending: waiting for the issuer), Synced=True`, or `no conditions`. */
function describeConditions(object: Record<string, unknown>): string {
  const conditions = conditionsOf(object);
  if (conditions.length === 0) return 'no status conditions';
  return `conditions: ${conditions
    .map((c) => `${c.type}=${c.status}${c.reason || c.message ? ` (${[c.reason, c.message].filter(Boolean).join(': ')})` : ''}`)
    .join(', ')}`;
}

function withNamespace(o: GateObject, namespace: string): GateObject {
  return o.namespace ? o : { ...o, namespace };
}
