import { ISynthesisSession, TerraformStack } from 'cdktf';

const HOOKS = Symbol.for('cdktf-cluster-profiles.StackSynthesisHooks');

interface Hooks {
  readonly before: Array<() => void>;
  readonly after: Array<(session: ISynthesisSession) => void>;
}

/**
 * Runs `write` after cdktf wrote the stack (and only if it did), through the stack's public
 * `synthesizer`, which is wrapped once per stack: cdktf's custom-synthesis hook is not part of
 * its public API (it lives in cdktf/lib/synthesize/synthesizer).
 */
export function afterStackSynthesis(stack: TerraformStack, write: (session: ISynthesisSession) => void): void {
  hooksOf(stack).after.push(write);
}

/**
 * Runs `run` when `app.synth()` starts writing the stack, before cdktf invokes its Aspects.
 * Clusters emit here rather than in their Aspect: every token cdktf makes records the whole call
 * stack, and inside the Aspect recursion that stack is five frames deeper for each of the
 * thousands of `depends_on` tokens (bench/, `npx tsx bench/profile.ts --stacks`). User Aspects
 * then see the emitted elements from the start. Tests that synthesize a single stack with
 * cdktf's `Testing.synth` bypass the synthesizer, so clusters keep their Aspect too.
 */
export function beforeStackSynthesis(stack: TerraformStack, run: () => void): void {
  hooksOf(stack).before.push(run);
}

function hooksOf(stack: TerraformStack): Hooks {
  const holder = stack as { [HOOKS]?: Hooks };
  let hooks = holder[HOOKS];
  if (!hooks) {
    const own: Hooks = { before: [], after: [] };
    hooks = own;
    Object.defineProperty(stack, HOOKS, { value: own });
    const inner = stack.synthesizer;
    stack.synthesizer = {
      synthesize(session: ISynthesisSession) {
        for (const run of own.before) run();
        inner.synthesize(session);
        for (const write of own.after) write(session);
      },
    };
  }
  return hooks;
}
