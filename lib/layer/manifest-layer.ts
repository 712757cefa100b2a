import { Construct } from 'constructs';
import { InfraRole, Layer, LayerKind, LayerOptions, LayerSpec } from './layer';
import { ManifestDocument, ManifestSources, readManifests } from './manifests';

/** Props of a {@link ManifestLayer}. */
export interface ManifestLayerProps extends LayerOptions, ManifestSources {
  /**
   * The infrastructure role these manifests fill, when it is an infra layer.
   * @default - an add-on layer
   */
  readonly role?: InfraRole;
}

/**
 * A layer of raw Kubernetes objects: CRDs, Secrets, anything. It is installed as a Helm release
 * of a chart generated at synth, so nothing needs the cluster at plan time and a custom resource
 * can follow the layer that defines its CRD in the same deploy (README, "CRDs").
 */
export class ManifestLayer extends Layer {
  public readonly kind: LayerKind = 'manifest';
  /** The layer's objects, in order. */
  public readonly documents: readonly ManifestDocument[];

  constructor(scope: Construct, id: string, props: ManifestLayerProps) {
    super(scope, id, props, props.role);
    this.documents = readManifests(props, this.node.path);
  }

  protected specifics(): Partial<LayerSpec> {
    return { documents: this.documents };
  }
}
