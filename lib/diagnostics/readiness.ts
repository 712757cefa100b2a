import { Diagnostic, withSuggestions } from '../errors';

/** A readiness gate declared wrong: `message` says what. */
export function invalidReadiness(path: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_READINESS', path, message, fix };
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

/** A gate that did not pass in its timeout, at deploy; the path is the layer's gate file in the stack folder. */
export function readinessTimeout(cluster: string, layer: string, timeoutSeconds: number, gate: string, evidence: readonly string[], look: string): Diagnostic {
  return {
    code: 'READINESS_TIMEOUT',
    path: `clusters/${cluster}/gates/${layer}.json`,
    message: `readiness gate did not pass in ${timeoutSeconds}s: ${gate}`,
    details: evidence,
    fix: `find why with \`${look}\` (and the logs of its controller), fix it and deploy again; or raise timeoutSeconds of this gate in the readiness of layer "${layer}". The layers before it stay installed.`,
  };
}
