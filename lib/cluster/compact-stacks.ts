/**
 * Runs `run` with stack traces that stop at the frame that called `withCompactStacks`.
 *
 * Why: cdktf records the whole call stack of every token it makes (cdktf's
 * tokens/private/stack-trace.js, unbounded), formats it to text and keeps the text for as long
 * as the app lives. Emission makes thousands of tokens (each `depends_on` entry is one), and it
 * runs inside `app.synth()`, so every one of those stacks also holds cdktf's synth frames and the
 * user's whole program above it: the same frames each time, telling nothing about the token.
 * Formatting them was the largest single cost of emission, and their text a tenth of the heap
 * left after a synth (bench/, `npx tsx bench/profile.ts --stacks`). Inside `run`, a stack keeps
 * its frames from the first one outside cdktf's package (cdktf's own frames, how any token is
 * made, are the same every time) down to this function's caller (the cluster's emit, which says
 * which cluster made the token), and drops the rest.
 *
 * Only the formatting of stacks taken while `run` runs changes, and only for that time:
 * `Error.prepareStackTrace` is restored when `run` returns or throws, and a formatter installed
 * before (source-map-support, say) still formats the frames that are kept. An error thrown out
 * of `run` whose stack is first read afterwards is formatted whole, as usual.
 */
export function withCompactStacks<T>(run: () => T): T {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]): unknown => {
    const boundary = frames.findIndex((f) => f.getFunctionName() === MARKER);
    if (boundary < 0) return previous ? previous(error, frames) : formatStack(error, frames);
    // cdktf's own frames on top (how any token is made) are the same every time; the caller of
    // withCompactStacks ends the stack, without the two frames of this module between.
    let first = 0;
    while (first < boundary && isCdktfFrame(frames[first])) first++;
    const kept = [...frames.slice(first, boundary), ...frames.slice(boundary + 2, boundary + 3)];
    return previous ? previous(error, kept) : formatStack(error, kept);
  };
  try {
    return compactStacksBoundary(run);
  } finally {
    Error.prepareStackTrace = previous;
  }
}

const MARKER = 'compactStacksBoundary';

/** A frame of cdktf's package, or of a builtin (`Array.map`) with no file. */
function isCdktfFrame(frame: NodeJS.CallSite): boolean {
  const file = frame.getFileName();
  return file === undefined || file === null || CDKTF_FILE.test(file);
}

const CDKTF_FILE = /[\\/]node_modules[\\/]cdktf[\\/]/;

/** The frame stacks stop at; its name is what the formatter looks for. */
function compactStacksBoundary<T>(run: () => T): T {
  return run();
}

/** V8's own format: the error's text, then one `    at <frame>` line per frame. */
function formatStack(error: unknown, frames: readonly NodeJS.CallSite[]): string {
  let header: string;
  try {
    header = error instanceof Error ? Error.prototype.toString.call(error) : String(error);
  } catch {
    header = 'Error';
  }
  return [header, ...frames.map((f) => `    at ${f.toString()}`)].join('\n');
}
