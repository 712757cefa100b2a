import { Token } from 'cdktf';
import type { Values } from '../values/merge';

/**
 * Values as install plan documents show them (see `documentValues` of install-plan-document.ts),
 * for one synth (the synth pass owns one): plans of clusters running one profile share values
 * trees (PlanMemo), and a tree whose JSON holds no token shows the same in every plan, so it
 * goes through JSON once. A tree that may hold a token is resolved for each cluster, in its stack.
 */
export class DocumentValuesMemo {
  private readonly shown = new WeakMap<Values, unknown>();

  /** `values` through JSON (SensitiveValue leaves become their masked text), then `resolve`d. */
  public of(values: Values, resolve: (value: unknown) => unknown): unknown {
    const known = this.shown.get(values);
    if (known !== undefined) return known;
    const plain = JSON.parse(JSON.stringify(values)) as unknown;
    if (mayHoldTokens(plain)) return resolve(plain);
    this.shown.set(values, plain);
    return plain;
  }
}

/**
 * Whether cdktf's resolver could change a JSON tree: only a string holding a token or an escape
 * (`${`, `#{`, `&{`), or the text of a number token (`-1.888...e+289`), or a number token does.
 */
export function mayHoldTokens(value: unknown): boolean {
  if (typeof value === 'string') return /[$#&]\{|e\+\d/.test(value);
  if (typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return value.some(mayHoldTokens);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => mayHoldTokens(k) || mayHoldTokens(v));
  return false;
}
