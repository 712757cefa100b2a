import { Diagnostic, withSuggestions } from '../errors';

function invalidReadiness(path: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_READINESS', path, message, fix };
}

/** A readiness entry (`at`, e.g. `readiness[0]`) that is not a gate. */
export function notAGate(path: string, at: string): Diagnostic {
  return invalidReadiness(path, `${at} is not a gate`, 'make gates with Readiness.workloads(), .jobsComplete(), .crdsEstablished(), .condition(), .jsonPath() or .exists()');
}

/** A gate (or its layer's release) whose timeout is not a whole number of seconds, at least 1. */
export function invalidGateTimeout(path: string, at: string, seconds: number): Diagnostic {
  return invalidReadiness(path, `${at} has timeout ${seconds}`, 'give timeoutSeconds as a whole number of seconds, at least 1');
}

/** A CRD gate naming something that is not a CRD name. */
export function invalidCrdName(path: string, at: string, name: string): Diagnostic {
  return invalidReadiness(path, `${at}: "${name}" is not a CRD name`, 'name a CRD as <plural>.<group>, e.g. certificates.cert-manager.io');
}

/** An object gate whose object lacks a field (apiVersion, kind, name). */
export function gateObjectIncomplete(path: string, at: string, kind: string, field: string): Diagnostic {
  return invalidReadiness(path, `${at} (${kind}) has no ${field}`, 'name the object: { apiVersion, kind, name, namespace? }');
}

/** A condition gate without a condition type (or status). */
export function conditionGateWithoutType(path: string, at: string): Diagnostic {
  return invalidReadiness(path, `${at} (condition) has no type`, 'give the condition type, e.g. type: "Ready"');
}

/** A jsonPath gate whose path does not parse; `problem` says why. */
export function invalidGateJsonPath(path: string, at: string, problem: string): Diagnostic {
  return invalidReadiness(path, `${at}: JSONPath ${problem}`, 'write a path such as .status.phase, {.status.readyReplicas} or .status.conditions[?(@.type=="Ready")].status');
}

/** A jsonPath gate whose value is not text. */
export function gateValueNotText(path: string, at: string): Diagnostic {
  return invalidReadiness(path, `${at} (jsonPath) value is not text`, 'give the value as kubectl prints it, e.g. value: "3" or value: "true"');
}

/** Helm's wait asked by a gate of a layer whose release does not wait. */
export function helmWaitDisabled(path: string, kinds: readonly string[]): Diagnostic {
  return invalidReadiness(
    path,
    `readiness asks for Helm's wait (${kinds.join(', ')}), but release.wait is false`,
    'remove release.wait: false, or remove the workloads and jobsComplete gates',
  );
}

/** A Helm wait gate given to an install-priority group. */
export function helmGateOnGroup(path: string, index: number, kind: string): Diagnostic {
  return invalidReadiness(
    path,
    `readiness[${index}] (${kind}) is Helm's wait of one release, not a gate of a group`,
    'give the group a condition, jsonPath, exists or crdsEstablished gate; set release.wait on the layers for Helm\'s wait',
  );
}

/** Group readiness for a priority no add-on layer of the profile has. */
export function groupWithoutLayers(path: string, profile: string, priority: number, priorities: readonly number[]): Diagnostic {
  return invalidReadiness(
    path,
    `profile "${profile}" has group readiness for priority ${priority}, but no add-on layer of that priority`,
    priorities.length > 0 ? `use one of the priorities of its add-on layers: ${priorities.join(', ')}` : 'add the layers of the group, or remove the group gate',
  );
}

/** A CRD gate of a layer in whose manifests, pack or chart no CRD is found. */
export function crdsUnknown(path: string, index: number, layer: string): Diagnostic {
  return {
    code: 'READINESS_OBJECT_UNKNOWN',
    path,
    message: `readiness[${index}] waits for the CRDs of layer "${layer}", but none is found in its manifests, pack or local chart`,
    fix: 'name the CRDs the chart creates: Readiness.crdsEstablished({ names: ["widgets.example.com"] }), or remove the gate',
  };
}

/** A gate of a manifest layer looking at an object the layer does not create; `objects` are those it does. */
export function gateObjectUnknown(path: string, index: number, kind: string, object: string, layer: string, objects: readonly string[], name: string, names: readonly string[]): Diagnostic {
  return {
    code: 'READINESS_OBJECT_UNKNOWN',
    path,
    message: `readiness[${index}] (${kind}) looks at ${object}, which manifest layer "${layer}" does not create`,
    details: [`objects of the layer: ${objects.join(', ') || '(none)'}`],
    fix: withSuggestions('name one of the layer\'s objects (kind, name and namespace), or move the gate to the layer that creates it', name, names),
  };
}

/** A gate that did not pass in its timeout, at deploy; `path` is the gate file in the stack folder (and the layer). */
export function readinessTimeout(path: string, layer: string, timeoutSeconds: number, gate: string, evidence: readonly string[], look: string): Diagnostic {
  return {
    code: 'READINESS_TIMEOUT',
    path,
    message: `readiness gate did not pass in ${timeoutSeconds}s: ${gate}`,
    details: evidence,
    fix: `find why with \`${look}\` (and the logs of its controller), fix it and deploy again; or raise timeoutSeconds of this gate in the readiness of layer "${layer}". The layers before it stay installed.`,
  };
}
