import { Construct } from 'constructs';
import { KubernetesLayer, KubernetesLayerProps } from '../layer/kubernetes-layer';
import { Profile, ProfileProps, ProfileType } from './profile';

/** Props of a {@link FullProfile}. */
export type FullProfileProps = ProfileProps;

/**
 * Infrastructure layers (one per role) and add-on layers in one profile. On a cluster it takes
 * the place of the infra profile; add-on profiles may still be attached after it.
 */
export class FullProfile extends Profile {
  public readonly type: ProfileType = 'full';

  constructor(scope: Construct, id: string, props: FullProfileProps) {
    super(scope, id, props);
  }

  /** Adds the Kubernetes layer, which pins the server version. */
  public addKubernetesLayer(id: string, props: KubernetesLayerProps): KubernetesLayer {
    return new KubernetesLayer(this, id, props);
  }
}
