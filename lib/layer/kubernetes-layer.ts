import { Construct } from 'constructs';
import { ProfileError } from '../errors';
import { Values } from '../values/merge';
import { Layer, LayerKind, LayerOptions, LayerSpec, readValues } from './layer';
import { DeclaredManifests, ManifestSources } from './manifests';
import { invalidKubernetesVersion, withField } from '../diagnostics';

/** Props of a {@link KubernetesLayer}. */
export interface KubernetesLayerProps extends LayerOptions, ManifestSources {
  /**
   * The Kubernetes version the cluster must run: exact (`1.34.4`) or a train (`1.34.x`, `1.x`).
   * Checked against the live server when the deploy plans; synth never contacts the cluster.
   */
  readonly version: string;
  /**
   * Values of the Kubernetes layer (pod CIDR, service CIDR, ...) that later layers may reference.
   * @default - none
   */
  readonly values?: Values | string;
  /**
   * The Kubernetes distribution the cluster runs, as Palette names its Kubernetes packs
   * (`kubernetes`, `kubernetes-eks`, `kubernetes-aks`, `edge-k8s`, ...). Pack dependencies on
   * `layer: k8s` apply only when they name this distribution.
   * @default "kubernetes"
   */
  readonly distribution?: string;
}

/**
 * The `k8s` infrastructure layer of a cluster that already exists. It cannot install Kubernetes,
 * so it pins the version the profile was made for: the deploy fails, before anything changes,
 * when the live server does not match. It can also carry manifests of its own.
 */
export class KubernetesLayer extends Layer {
  public readonly kind: LayerKind = 'kubernetes';
  /** The expected server version, exact or a train. */
  public readonly version: string;
  /** The Kubernetes distribution, as Palette names its Kubernetes packs. */
  public readonly distribution: string;
  private readonly values: Values;
  private readonly manifests: DeclaredManifests;

  constructor(scope: Construct, id: string, props: KubernetesLayerProps) {
    super(scope, id, props, 'k8s');
    if (!isKubernetesVersion(props.version)) {
      ProfileError.throw(invalidKubernetesVersion(this.node.path, props.version));
    }
    this.version = props.version;
    this.distribution = props.distribution ?? 'kubernetes';
    this.values = readValues(props.values, withField(this.node.path, 'values'));
    this.manifests = new DeclaredManifests(props, this.node.path);
  }

  public override resolve(): void {
    this.manifests.documents();
  }

  protected specifics(): Partial<LayerSpec> {
    return { kubernetesVersion: this.version, kubernetesDistribution: this.distribution, values: this.values, documents: this.manifests.documents() };
  }
}

/** Whether `version` is a Kubernetes version the server check can read: exact (`1.34.4`) or a train (`1.34.x`, `1.x`). */
export function isKubernetesVersion(version: string | undefined): boolean {
  return /^\d+\.(x|\d+\.(x|\d+))$/.test(version ?? '');
}

/**
 * A regular expression (RE2, as Terraform's `regex` reads it) that matches a server's
 * `gitVersion` (`v1.34.4`, `v1.34.4-eks-1a2b3c`) when it satisfies `version`. Dots are written
 * `[.]` so that the pattern needs no backslash inside the HCL string it is embedded in.
 */
export function kubernetesVersionPattern(version: string): string {
  const fixed = version.split('.').filter((p) => p !== 'x');
  const numbers = [...fixed, ...Array(3 - fixed.length).fill('[0-9]+')].join('[.]');
  return `^v?${numbers}([-+].*)?$`;
}
