import { ProfileError } from '../errors';
import { parseJsonPath } from './json-path';
import { conditionGateWithoutType, gateObjectIncomplete, gateValueNotText, invalidCrdName, invalidGateJsonPath, invalidGateTimeout, notAGate } from '../diagnostics';

/**
 * Readiness gates: what must be true on the cluster after a layer installs before the layers
 * after it start. `workloads` and `jobsComplete` are Helm's own wait; the others run our waiter
 * (`cluster-profiles wait`) from a `terraform_data` after the layer's releases, its own or the
 * cluster's for the layers no layer waits for (see
 * lib/readiness/gate-emission.ts and the README, "Readiness gates").
 */

/** The object a gate looks at. */
export interface GateObject {
  /** `v1`, `apps/v1`, `cert-manager.io/v1`. */
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /**
   * The namespace of a namespaced object.
   * @default - the layer's namespace
   */
  readonly namespace?: string;
}

/** What every gate takes. */
export interface GateOptions {
  /**
   * How long the gate may take before the deploy fails, in seconds.
   * @default - 300 (60 for CRDs)
   */
  readonly timeoutSeconds?: number;
}

/** Options of {@link Readiness.condition}. */
export interface ConditionGateOptions extends GateObject, GateOptions {
  /** The condition type, e.g. `Ready`. */
  readonly type: string;
  /**
   * The status the condition must have.
   * @default "True"
   */
  readonly status?: string;
}

/** Options of {@link Readiness.jsonPath}. */
export interface JsonPathGateOptions extends GateObject, GateOptions {
  /** A kubectl-style JSONPath from the object's root, e.g. `.status.phase` or `{.status.readyReplicas}`. */
  readonly path: string;
  /** The text the path must select (numbers and booleans as kubectl prints them: `3`, `true`). */
  readonly value: string;
}

/** Options of {@link Readiness.crdsEstablished}. */
export interface CrdGateOptions extends GateOptions {
  /**
   * The CRDs (`widgets.example.com`) to wait for.
   * @default - the CRDs found in the layer's manifests, pack or local chart
   */
  readonly names?: readonly string[];
}

/** A gate as plain data: what the plan, the documents and the waiter read. */
export type ReadinessGate =
  | { readonly kind: 'workloads'; readonly timeoutSeconds: number }
  | { readonly kind: 'jobsComplete'; readonly timeoutSeconds: number }
  | { readonly kind: 'crdsEstablished'; readonly timeoutSeconds: number; readonly names: readonly string[]; readonly automatic?: boolean }
  | { readonly kind: 'condition'; readonly timeoutSeconds: number; readonly object: GateObject; readonly type: string; readonly status: string }
  | { readonly kind: 'jsonPath'; readonly timeoutSeconds: number; readonly object: GateObject; readonly path: string; readonly value: string }
  | { readonly kind: 'exists'; readonly timeoutSeconds: number; readonly object: GateObject };

/** The gates Helm itself waits for; every other kind runs the waiter. */
export const HELM_GATE_KINDS: ReadonlyArray<ReadinessGate['kind']> = ['workloads', 'jobsComplete'];

/** Whether the gate runs our waiter (and so a `terraform_data`), not Helm's wait. */
export function isWaiterGate(gate: ReadinessGate): boolean {
  return !HELM_GATE_KINDS.includes(gate.kind);
}

/** The default timeout of a waiter gate, in seconds. */
export const DEFAULT_GATE_TIMEOUT_SECONDS = 300;
/** The default timeout of a CRD gate, in seconds: CRDs are established in a second or two. */
export const DEFAULT_CRD_TIMEOUT_SECONDS = 60;

/**
 * A readiness gate of a layer (option `readiness`): made by the static factories, checked when
 * the layer is declared.
 */
export class Readiness {
  /**
   * The layer's Deployments, StatefulSets, DaemonSets, Services and PVCs are ready: Helm's
   * wait, which every layer has by default. A timeout here sets the release's Helm timeout.
   */
  static workloads(options: GateOptions = {}): Readiness {
    return new Readiness({ kind: 'workloads', timeoutSeconds: options.timeoutSeconds ?? 0 });
  }

  /** As {@link workloads}, and the layer's Jobs completed (Helm's `wait_for_jobs`). */
  static jobsComplete(options: GateOptions = {}): Readiness {
    return new Readiness({ kind: 'jobsComplete', timeoutSeconds: options.timeoutSeconds ?? 0 });
  }

  /**
   * The CRDs the layer creates are `Established`. Automatic for a layer whose CRDs another layer
   * of the cluster uses; declare it to wait anyway, or to name CRDs a remote chart creates.
   */
  static crdsEstablished(options: CrdGateOptions = {}): Readiness {
    return new Readiness({ kind: 'crdsEstablished', timeoutSeconds: options.timeoutSeconds ?? DEFAULT_CRD_TIMEOUT_SECONDS, names: [...(options.names ?? [])] });
  }

  /** A named object has a condition of `type` with `status` (`Ready=True`, say). */
  static condition(options: ConditionGateOptions): Readiness {
    return new Readiness({ kind: 'condition', timeoutSeconds: options.timeoutSeconds ?? DEFAULT_GATE_TIMEOUT_SECONDS, object: objectOf(options), type: options.type, status: options.status ?? 'True' });
  }

  /** A JSONPath of a named object selects `value`. */
  static jsonPath(options: JsonPathGateOptions): Readiness {
    return new Readiness({ kind: 'jsonPath', timeoutSeconds: options.timeoutSeconds ?? DEFAULT_GATE_TIMEOUT_SECONDS, object: objectOf(options), path: options.path, value: options.value });
  }

  /** A named object exists. */
  static exists(options: GateObject & GateOptions): Readiness {
    return new Readiness({ kind: 'exists', timeoutSeconds: options.timeoutSeconds ?? DEFAULT_GATE_TIMEOUT_SECONDS, object: objectOf(options) });
  }

  /** A gate from its plain data (a profile document's, say). */
  static fromGate(gate: ReadinessGate): Readiness {
    return new Readiness(gate);
  }

  /** Whether `x` is a gate made by these factories. */
  static isReadiness(x: unknown): x is Readiness {
    return x instanceof Readiness;
  }

  private constructor(public readonly gate: ReadinessGate) {}
}

function objectOf(o: GateObject): GateObject {
  return Object.fromEntries(Object.entries({ apiVersion: o.apiVersion, kind: o.kind, name: o.name, namespace: o.namespace }).filter(([, v]) => v !== undefined)) as unknown as GateObject;
}

/** A gate in one line, for plans, tables and errors: `condition Ready=True of Widget demo/w1 (300s)`. */
export function describeGate(gate: ReadinessGate): string {
  const timeout = `(${gate.timeoutSeconds}s)`;
  switch (gate.kind) {
    case 'workloads':
      return `workloads ready (helm wait) ${timeout}`;
    case 'jobsComplete':
      return `workloads ready and jobs complete (helm wait_for_jobs) ${timeout}`;
    case 'crdsEstablished':
      return `CRDs established: ${gate.names.join(', ') || '(none)'}${gate.automatic ? ' [automatic]' : ''} ${timeout}`;
    case 'condition':
      return `condition ${gate.type}=${gate.status} of ${describeObject(gate.object)} ${timeout}`;
    case 'jsonPath':
      return `${gate.path} == ${JSON.stringify(gate.value)} on ${describeObject(gate.object)} ${timeout}`;
    case 'exists':
      return `${describeObject(gate.object)} exists ${timeout}`;
  }
}

/** `Widget demo/w1 (example.com/v1)`. */
export function describeObject(o: GateObject): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name} (${o.apiVersion})`;
}

/**
 * Checks a layer's declared gates and gives them in their plain form, with `workloads` and
 * `jobsComplete` timeouts defaulted to the release's. Throws INVALID_READINESS naming the gate.
 */
export function resolveReadiness(declared: ReadonlyArray<Readiness> | undefined, releaseTimeoutSeconds: number, where: string): ReadinessGate[] {
  return (declared ?? []).map((entry, i) => {
    const at = `readiness[${i}]`;
    if (!Readiness.isReadiness(entry)) ProfileError.throw(notAGate(where, at));
    const gate = entry.gate;
    if (gate.kind === 'workloads' || gate.kind === 'jobsComplete') {
      const timeoutSeconds = gate.timeoutSeconds === 0 ? releaseTimeoutSeconds : gate.timeoutSeconds;
      checkTimeout(timeoutSeconds, where, at);
      return { ...gate, timeoutSeconds };
    }
    checkTimeout(gate.timeoutSeconds, where, at);
    if (gate.kind === 'crdsEstablished') {
      for (const name of gate.names) if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/.test(name)) ProfileError.throw(invalidCrdName(where, at, name));
      return gate;
    }
    for (const field of ['apiVersion', 'kind', 'name'] as const) {
      if (typeof gate.object[field] !== 'string' || gate.object[field] === '') ProfileError.throw(gateObjectIncomplete(where, at, gate.kind, field));
    }
    if (gate.kind === 'condition' && (!gate.type || !gate.status)) ProfileError.throw(conditionGateWithoutType(where, at));
    if (gate.kind === 'jsonPath') {
      const parsed = parseJsonPath(gate.path);
      if ('problem' in parsed) ProfileError.throw(invalidGateJsonPath(where, at, parsed.problem));
      if (typeof gate.value !== 'string') ProfileError.throw(gateValueNotText(where, at));
    }
    return gate;
  });
}

function checkTimeout(seconds: number, where: string, at: string): void {
  if (!Number.isInteger(seconds) || seconds < 1) ProfileError.throw(invalidGateTimeout(where, at, seconds));
}
