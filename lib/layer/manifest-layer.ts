import { Construct } from 'constructs';
import { InfraRole, Layer, LayerKind, LayerOptions, LayerSpec } from './layer';
import { DeclaredManifests, ManifestDocument, ManifestSources } from './manifests';

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
  private readonly manifests: DeclaredManifests;

  /**
   * Checks the YAML text and objects given, and records the files: they are read by the synth
   * pass's resolve stage (or on first use of {@link documents}), not here.
   */
  constructor(scope: Construct, id: string, props: ManifestLayerProps) {
    super(scope, id, props, props.role);
    this.manifests = new DeclaredManifests(props, this.node.path);
  }

  /** The layer's objects, in order: files first, then text, then objects. */
  public get documents(): readonly ManifestDocument[] {
    return this.manifests.documents();
  }

  public override resolve(): void {
    void this.documents;
  }

  protected specifics(): Partial<LayerSpec> {
    return { documents: this.documents };
  }
}
