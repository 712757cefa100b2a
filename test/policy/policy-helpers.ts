import { Aspects, TerraformStack, Testing } from 'cdktf';
import { Cluster, ClusterPolicy } from '../../lib';
import { profileError } from '../helpers';

/** Adds the policies to the cluster's stack and returns the text of the error synth fails with. */
export function violations(cluster: Cluster, ...policies: ClusterPolicy[]): string {
  const stack = TerraformStack.of(cluster);
  for (const policy of policies) Aspects.of(stack).add(policy);
  return profileError(() => Testing.synth(stack)).message;
}

/** Adds the policies to the cluster's stack and synthesizes it; throws what synth throws. */
export function synthWith(cluster: Cluster, ...policies: ClusterPolicy[]): string {
  const stack = TerraformStack.of(cluster);
  for (const policy of policies) Aspects.of(stack).add(policy);
  return Testing.synth(stack);
}
