import type { VariableDefinition } from '../profile/variable';
import type { ReadinessGate } from '../readiness/readiness';
import type { Values } from '../values/merge';
import type { LayerSpec } from './layer';

/** Palette's profile types: infrastructure, add-on, or full (both). */
export type ProfileType = 'infra' | 'addon' | 'full';

/** A profile as plain data for planning. */
export interface ProfileSpec {
  readonly name: string;
  readonly version: string;
  readonly type: ProfileType;
  readonly path: string;
  /** Layers in declaration order. */
  readonly layers: readonly LayerSpec[];
  /** Profile-level value overrides, by layer name, in the order they were set. */
  readonly values: ReadonlyMap<string, readonly Values[]>;
  /** Profile variables, in declaration order. */
  readonly variables: readonly VariableDefinition[];
  /**
   * Gates of install-priority groups (Palette waits for each group before the next): after every
   * add-on layer of `priority` installs, the profile's later layers wait for these gates.
   */
  readonly groupReadiness?: ReadonlyArray<{ readonly priority: number; readonly gates: readonly ReadinessGate[] }>;
}
