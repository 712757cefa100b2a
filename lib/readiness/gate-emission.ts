import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { DataResource, ITerraformDependable, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { ConnectionSettings } from '../cluster/connection';
import type { HelmRelease } from '../cluster/helm-release';
import type { PlannedLayer } from '../model/plan';
import { isWaiterGate } from './readiness';
import { CONNECTION_ENVIRONMENT, GATE_FILE_API_VERSION, GateFile } from './wait';

/**
 * Emission of waiter gates: a `terraform_data` whose create-time `local-exec` runs
 * `cluster-profiles wait` on a gate file written beside the stack. Nothing else on the runner:
 * Node (which runs cdktf) and our own bin.
 *
 * - A gated layer that later layers wait for gets its own (`<cluster>_<layer>_ready`), after its
 *   releases; those layers wait for it.
 * - The gated layers no layer waits for share one (`<cluster>_ready`), after all of their
 *   releases: nothing needs one of them ready before the others, and each waiter is a Node
 *   process. Ten gated add-ons finishing together started ten on the runner's cores, about 0.5 s
 *   on 2 cores (issue 17); one waiter checks the ten at once. A deploy still ends when the last
 *   of them is ready; a failing one fails it later by at most the time between its release and
 *   the last release.
 * - No gate beyond Helm's wait, no resource: a profile without gates gets exactly the Terraform
 *   it got before (issue 17: gates cost nothing when none is declared).
 * - `triggers_replace` holds the releases' revisions and the gates' digest, so an upgrade (a new
 *   revision) or a changed gate waits again; an unchanged layer does not. In the cluster's
 *   gate, an upgrade of one of its layers checks all of its layers again: a check that still
 *   holds passes at its first look.
 * - No destroy-time provisioner: a destroy never waits.
 * - The connection: fields that are Terraform expressions reach the waiter through the
 *   provisioner's environment, evaluated by Terraform as for the helm provider; the token never
 *   (see CONNECTION_ENVIRONMENT); literal fields the waiter reads from cdk.tf.json.
 */

/** A gate file to write beside the stack: its path relative to the stack folder, and its text. */
export interface GateFileWritten {
  readonly path: string;
  readonly content: string;
}

/** A layer whose gates a waiter checks, with its releases (whose revisions re-run the waiter). */
export interface GatedLayer {
  readonly layer: PlannedLayer;
  readonly releases: readonly HelmRelease[];
}

export interface GateEmission {
  readonly clusterName: string;
  readonly connection: ConnectionSettings;
  /** Where Terraform runs (the bin's path in the command is relative to it). */
  readonly stackDirectory: () => string;
  /** `layer`: the gate of one layer that others wait for; `cluster`: that of the layers nothing waits for. */
  readonly scope: GateFile['scope'];
  readonly layers: readonly GatedLayer[];
  /** What the gate waits for, sorted: the layers' last releases, or what a layer without one waited for. */
  readonly after: readonly ITerraformDependable[];
}

/** Whether a layer has gates the waiter checks (beyond Helm's wait). */
export function hasWaiterGates(layer: PlannedLayer): boolean {
  return layer.readiness.some(isWaiterGate);
}

/** The `terraform_data` running the waiter on the gate file of `e.layers`, and that file. */
export function gateResource(scope: Construct, e: GateEmission): { resource: DataResource; file: GateFileWritten } {
  const layers = e.layers.map(({ layer }) => ({ layer: layer.name, namespace: layer.namespace, gates: layer.readiness.filter(isWaiterGate) }));
  const document: GateFile = { apiVersion: GATE_FILE_API_VERSION, kind: 'ReadinessGates', cluster: e.clusterName, scope: e.scope, layers };
  const content = `${JSON.stringify(document, null, 2)}\n`;
  const name = e.scope === 'cluster' ? '_cluster' : layers[0].layer;
  const file = `clusters/${e.clusterName}/gates/${name}.json`;
  const releases = e.layers.flatMap((l) => l.releases);
  const resource = new DataResource(scope, e.scope === 'cluster' ? 'ready' : `ready-${name}`, {
    dependsOn: e.after.length > 0 ? [...e.after] : undefined,
    triggersReplace: {
      gates: `sha256:${createHash('sha256').update(content).digest('hex')}`,
      ...(releases.length > 0 ? { revisions: releases.map((r) => `\${${r.terraformResourceType}.${r.friendlyUniqueId}.metadata.revision}`).join(',') } : {}),
    },
    provisioners: [
      {
        type: 'local-exec',
        command: `node ${shellQuote(waiterBin(e.stackDirectory()))} wait --gates ${shellQuote(file)}`,
        environment: connectionEnvironment(e.connection),
      },
    ],
  });
  // Cluster and layer names have no `_`, so `<cluster>_ready` is no layer's `<cluster>_<layer>_ready`.
  resource.overrideLogicalId(e.scope === 'cluster' ? `${e.clusterName}_ready` : `${e.clusterName}_${name}_ready`);
  return { resource, file: { path: file, content } };
}

/** The connection fields that are expressions, by the waiter's environment variable. */
function connectionEnvironment(c: ConnectionSettings): Record<string, string> | undefined {
  const fields: Record<string, string | undefined> = {
    config_path: c.configPath,
    config_context: c.configContext,
    host: c.host,
    cluster_ca_certificate: c.clusterCaCertificate,
  };
  const environment = Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined && Token.isUnresolved(v))
      .map(([field, v]) => [CONNECTION_ENVIRONMENT[field], v!]),
  );
  return Object.keys(environment).length > 0 ? environment : undefined;
}

/**
 * `bin/cluster-profiles.js` of this package, relative to the stack folder (no absolute path in
 * cdk.tf.json; it holds as long as the app and its node_modules stay together).
 */
function waiterBin(stackDirectory: string): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'bin', 'cluster-profiles.js')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.relative(stackDirectory, path.join(dir, 'bin', 'cluster-profiles.js')).split(path.sep).join('/');
}

function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
