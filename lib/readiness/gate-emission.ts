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
 * Emission of a layer's waiter gates: one `terraform_data` per gated layer, after the layer's
 * releases, whose create-time `local-exec` runs `cluster-profiles wait` on the gate file written
 * beside the stack. Nothing else on the runner: Node (which runs cdktf) and our own bin.
 *
 * - No gate beyond Helm's wait, no resource: a profile without gates gets exactly the Terraform
 *   it got before (issue 17: gates cost nothing when none is declared).
 * - `triggers_replace` holds the releases' revisions and the gates' digest, so an upgrade of the
 *   layer (a new revision) or a changed gate waits again; an unchanged layer does not.
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

export interface GateEmission {
  readonly clusterName: string;
  readonly layer: PlannedLayer;
  readonly connection: ConnectionSettings;
  /** Where Terraform runs (the bin's path in the command is relative to it); asked only for a gated layer. */
  readonly stackDirectory: () => string;
  /** What the gate waits for: the layer's last release, or what the layer waited for. */
  readonly after: readonly ITerraformDependable[];
  readonly releases: readonly HelmRelease[];
}

/** The gate of a layer with waiter gates, or undefined when it has none. */
export function gateResource(scope: Construct, e: GateEmission): { resource: DataResource; file: GateFileWritten } | undefined {
  const gates = e.layer.readiness.filter(isWaiterGate);
  if (gates.length === 0) return undefined;
  const document: GateFile = { apiVersion: GATE_FILE_API_VERSION, kind: 'ReadinessGates', cluster: e.clusterName, layer: e.layer.name, namespace: e.layer.namespace, gates };
  const content = `${JSON.stringify(document, null, 2)}\n`;
  const file = `clusters/${e.clusterName}/gates/${e.layer.name}.json`;
  const resource = new DataResource(scope, `ready-${e.layer.name}`, {
    dependsOn: e.after.length > 0 ? [...e.after] : undefined,
    triggersReplace: {
      gates: `sha256:${createHash('sha256').update(content).digest('hex')}`,
      ...(e.releases.length > 0 ? { revisions: e.releases.map((r) => `\${${r.terraformResourceType}.${r.friendlyUniqueId}.metadata.revision}`).join(',') } : {}),
    },
    provisioners: [
      {
        type: 'local-exec',
        command: `node ${shellQuote(waiterBin(e.stackDirectory()))} wait --gates ${shellQuote(file)}`,
        environment: connectionEnvironment(e.connection),
      },
    ],
  });
  resource.overrideLogicalId(`${e.clusterName}_${e.layer.name}_ready`);
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
