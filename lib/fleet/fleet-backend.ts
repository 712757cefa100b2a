import * as path from 'path';
import { LocalBackend, PgBackend, TerraformStack } from 'cdktf';

/** The stack a {@link FleetBackend} is asked to give state to. */
export interface FleetStackContext {
  /** The fleet's name. */
  readonly fleet: string;
  /** The wave the stack belongs to (for a soak stack, the wave it waits after). */
  readonly wave: string;
  /** The stack's name: the cluster's name, or the soak stack's name. */
  readonly stack: string;
  /** The cluster the stack deploys; `undefined` for a soak stack. */
  readonly cluster?: string;
}

/** Makes the backend of one stack; called once per stack of the fleet. */
export type FleetBackendFactory = (stack: TerraformStack, context: FleetStackContext) => void;

/**
 * Where each stack of a fleet keeps its state. Every stack has its own state (its own file,
 * key or schema), so clusters deploy independently; a factory may still choose settings per
 * wave (`context.wave`) or per cluster.
 */
export class FleetBackend {
  /**
   * A local state file per stack: `<directory>/<stack>.tfstate`. A relative directory is read
   * by Terraform from the stack's folder, `cdktf.out/stacks/<stack>/`.
   * @param options.directory where the state files go
   */
  static local(options: { readonly directory: string }): FleetBackend {
    return new FleetBackend((stack, context) => {
      new LocalBackend(stack, { path: path.posix.join(options.directory, `${context.stack}.tfstate`) });
    });
  }

  /**
   * PostgreSQL (cdktf's `PgBackend`), one schema per stack: `<schemaPrefix><stack>` with `-`
   * written as `_`, so states never share a table row.
   * @param options.connStr the connection string; may be a token, e.g. of a TerraformVariable
   * @param options.schemaPrefix prefix of the schema names (default "fleet_")
   */
  static pg(options: { readonly connStr: string; readonly schemaPrefix?: string }): FleetBackend {
    return new FleetBackend((stack, context) => {
      new PgBackend(stack, { connStr: options.connStr, schemaName: `${options.schemaPrefix ?? 'fleet_'}${context.stack.replace(/-/g, '_')}` });
    });
  }

  /** Any backend: `factory` creates it in the stack (e.g. `new S3Backend(stack, { key: ... })`). */
  static fromFactory(factory: FleetBackendFactory): FleetBackend {
    return new FleetBackend(factory);
  }

  private constructor(private readonly factory: FleetBackendFactory) {}

  /** Creates the backend of `stack`. */
  public apply(stack: TerraformStack, context: FleetStackContext): void {
    this.factory(stack, context);
  }
}
