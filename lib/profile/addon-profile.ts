import { Construct } from 'constructs';
import { Profile, ProfileProps, ProfileType } from './profile';

/** Props of an {@link AddonProfile}. */
export type AddonProfileProps = ProfileProps;

/**
 * Add-on layers only (monitoring, ingress, auth, ...), reusable across clusters. A cluster runs
 * any number of them, installed in the order they are attached.
 */
export class AddonProfile extends Profile {
  public readonly type: ProfileType = 'addon';

  constructor(scope: Construct, id: string, props: AddonProfileProps) {
    super(scope, id, props);
  }
}
