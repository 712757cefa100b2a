import type { VariableDefinition } from '../profile/variable';
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
}
