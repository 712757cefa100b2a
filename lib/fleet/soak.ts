import { TerraformResource, TerraformStack } from 'cdktf';
import { blobDigest } from '../digest';

/**
 * The wait after a wave, in a stack of its own between that wave and the next. A resource in the
 * first stack of the next wave would only hold back that stack, not its siblings, so the soak is
 * a stack that depends on the whole wave and that the whole next wave depends on.
 *
 * It is a `terraform_data` (built into Terraform: no provider to install) whose `local-exec`
 * provisioner sleeps with Node, which every runner of `cdktf deploy` has. Provisioners run only
 * when the resource is created, so `triggers_replace` holds a digest of what the wave's clusters
 * run (profile names and versions): a rollout of a new version soaks again, a redeploy of the same
 * code does not.
 *
 * @param rollout what the wave runs, by cluster; any change of it replaces the resource
 */
export function addSoak(stack: TerraformStack, wave: string, seconds: number, rollout: Readonly<Record<string, readonly string[]>>): TerraformResource {
  const soak = new TerraformResource(stack, 'soak', {
    terraformResourceType: 'terraform_data',
    provisioners: [{ type: 'local-exec', command: soakCommand(seconds) }],
  });
  soak.addOverride('input', { wave, seconds });
  soak.addOverride('triggers_replace', { rollout: blobDigest(Buffer.from(JSON.stringify(rollout))) });
  return soak;
}

/** The command that waits `seconds`: Node's timer, since `sleep` is not on every runner. */
export function soakCommand(seconds: number): string {
  return `node -e "setTimeout(() => {}, ${seconds * 1000})"`;
}
