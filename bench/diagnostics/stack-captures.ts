/**
 * Preload (`node -r`) for diagnosing cdktf's stack-trace capture: every cdktf token
 * (Intrinsic, ComplexResolvable, Lazy, ...) records a full stack trace when it is created.
 * BENCH_STACKS=count prints how many were captured and their average depth on exit;
 * BENCH_STACKS=off replaces the capture with an empty trace, to measure what it costs
 * (diagnosis only: cdktf's error messages then lose the "created at" stack).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (below?: unknown) => string[] };

const mode = process.env.BENCH_STACKS;
if (mode === 'off') {
  stackTrace.captureStackTrace = () => [];
} else if (mode === 'count') {
  const original = stackTrace.captureStackTrace;
  let calls = 0;
  let frames = 0;
  stackTrace.captureStackTrace = function counted(below?: unknown): string[] {
    const trace = original(below ?? counted);
    calls += 1;
    frames += trace.length;
    return trace;
  };
  process.on('exit', () => {
    process.stdout.write(`cdktf stack captures: ${calls}, average depth ${(frames / Math.max(1, calls)).toFixed(1)} frames\n`);
  });
}
