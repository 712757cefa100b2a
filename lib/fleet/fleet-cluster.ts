import { ClusterConnection } from '../cluster/connection';
import { InstallOrder } from '../cluster/plan';
import { Profile } from '../profile/profile';
import { VariableValue } from '../profile/variable';
import { Values } from '../values/merge';

/** One cluster of a {@link Fleet}: what a {@link Cluster} takes, plus labels for wave selectors. */
export interface FleetClusterOptions {
  /**
   * The cluster's name: a DNS-1035 label, unique in the app. It names the cluster's stack too,
   * so its Terraform state and addresses never depend on its position in the fleet.
   */
  readonly name: string;
  /** How Terraform reaches the cluster's API server. */
  readonly connection: ClusterConnection;
  /** The profiles the cluster runs, as `Cluster.attach` takes them. */
  readonly profiles: readonly Profile[];
  /**
   * Values of this cluster only, by layer name (`cluster.setValues`).
   * @default - none
   */
  readonly values?: Readonly<Record<string, Values>>;
  /**
   * Profile variable values (`cluster.setVariables`).
   * @default - none
   */
  readonly variables?: Readonly<Record<string, VariableValue>>;
  /**
   * User macros (`cluster.setMacros`).
   * @default - none
   */
  readonly macros?: Readonly<Record<string, string>>;
  /**
   * Labels that waves select on with `matchLabels` (e.g. `{ region: 'eu', ring: 'early' }`).
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * The cluster's install order.
   * @default "dag"
   */
  readonly installOrder?: InstallOrder;
  /**
   * Layers that must stay installed (see `ClusterProps.protectedLayers`).
   * @default - none
   */
  readonly protectedLayers?: readonly string[];
}
