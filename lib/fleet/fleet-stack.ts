import { TerraformStack } from 'cdktf';

/**
 * A stack of a {@link Fleet}: cdktf's stack with a dependency check that stays linear.
 *
 * cdktf's `dependsOn()` (which `addDependency()` calls to refuse cycles) walks every path of the
 * dependency graph without remembering what it has seen. In a fleet each stack of a wave depends
 * on every stack of the wave (or batch) before, so the number of paths is the product of the
 * sizes of the waves and batches crossed: with ten batches of ten, `addDependency` would not end.
 * This one visits each stack once.
 */
export class FleetStack extends TerraformStack {
  private readonly direct = new Set<TerraformStack>();

  public override dependsOn(stack: TerraformStack): boolean {
    const seen = new Set<TerraformStack>();
    const pending: TerraformStack[] = [...this.dependencies];
    while (pending.length > 0) {
      const next = pending.pop()!;
      if (next === stack) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      pending.push(...next.dependencies);
    }
    return false;
  }

  /**
   * Makes this stack depend on `stacks`, which the fleet created before it: no edge of a fleet
   * points to a later stack, so no cycle can form and the cycle check (a walk of the graph per
   * edge) is left out.
   */
  public dependOnEarlier(stacks: readonly TerraformStack[]): void {
    for (const stack of stacks) {
      if (this.direct.has(stack)) continue;
      this.direct.add(stack);
      this.dependencies.push(stack);
    }
  }
}
