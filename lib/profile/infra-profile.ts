import { Construct } from 'constructs';
import { KubernetesLayer, KubernetesLayerProps } from '../layer/kubernetes-layer';
import { Profile, ProfileProps, ProfileType } from './profile';

/** Props of an {@link InfraProfile}. */
export type InfraProfileProps = ProfileProps;

/**
 * The infrastructure layers of a cluster, one per role, bottom-up: OS, Kubernetes, network (CNI),
 * storage (CSI). Every role is required; give a manifest layer with no objects for a role the
 * platform provides itself (a managed CNI, say).
 */
export class InfraProfile extends Profile {
  public readonly type: ProfileType = 'infra';

  constructor(scope: Construct, id: string, props: InfraProfileProps) {
    super(scope, id, props);
  }

  /** Adds the Kubernetes layer, which pins the server version. */
  public addKubernetesLayer(id: string, props: KubernetesLayerProps): KubernetesLayer {
    return new KubernetesLayer(this, id, props);
  }
}
