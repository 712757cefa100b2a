import { Diagnostic } from '../errors';

/** A layer of a cluster's plan that breaks a policy's rule. */
export function policyViolation(path: string, layer: string, cluster: string, rule: string, message: string, fix: string): Diagnostic {
  return { code: 'POLICY_VIOLATION', path, message: `layer "${layer}" on cluster "${cluster}" breaks ${rule}: ${message}`, fix };
}
