import { ISynthesisSession, TerraformStack } from 'cdktf';

const AFTER_SYNTHESIS = Symbol.for('cdktf-cluster-profiles.AfterStackSynthesis');

/**
 * Runs `write` after cdktf wrote the stack (and only if it did), through the stack's public
 * `synthesizer`, which is wrapped once per stack: cdktf's custom-synthesis hook is not part of
 * its public API (it lives in cdktf/lib/synthesize/synthesizer).
 */
export function afterStackSynthesis(stack: TerraformStack, write: (session: ISynthesisSession) => void): void {
  const holder = stack as { [AFTER_SYNTHESIS]?: Array<(session: ISynthesisSession) => void> };
  let writers = holder[AFTER_SYNTHESIS];
  if (!writers) {
    const own: Array<(session: ISynthesisSession) => void> = [];
    writers = own;
    Object.defineProperty(stack, AFTER_SYNTHESIS, { value: own });
    const inner = stack.synthesizer;
    stack.synthesizer = {
      synthesize(session: ISynthesisSession) {
        inner.synthesize(session);
        for (const w of own) w(session);
      },
    };
  }
  writers.push(write);
}

