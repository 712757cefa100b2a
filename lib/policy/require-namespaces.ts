import { InstallPlan } from '../cluster/plan';
import { installsRelease } from '../cluster/layer-releases';
import { ClusterPolicy, PolicyViolation } from './cluster-policy';

/**
 * No layer installs its release into the `default` namespace, where it would mix with whatever
 * else lands there and could not be given its own quotas, policies or RBAC. Layers that install
 * nothing (a Kubernetes layer that only checks the server version) pass.
 */
export class RequireNamespaces extends ClusterPolicy {
  public readonly rule = 'require-namespaces';

  public check(plan: InstallPlan): PolicyViolation[] {
    return plan.layers
      .filter((layer) => installsRelease(layer) && layer.namespace === 'default')
      .map((layer) => ({
        layer,
        message: 'it installs into the "default" namespace',
        fix: `give the layer a namespace of its own, e.g. namespace: "${layer.name}"`,
      }));
  }
}
