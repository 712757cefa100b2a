import { inspect, isDeepStrictEqual } from 'util';
import * as vm from 'vm';
import * as fc from 'fast-check';
import { ErrorCode, formatDiagnostics, ProfileError } from '../../lib';
import { pathStyleProblem } from '../diagnostics/path-style';

/**
 * What every fuzz property of test/fuzz/ shares: a fixed seed, a time budget per case that also
 * stops a case that never ends, and the one check all of them make: whatever the input, a call
 * either succeeds or throws a ProfileError whose codes are all in the ErrorCode union; any other
 * exception, a case over budget, or a change to Object.prototype fails the property, and
 * fast-check shrinks the input to a minimal one.
 *
 * Runs are deterministic: FUZZ_SEED and FUZZ_SCALE (a multiplier of every numRuns) may be set in
 * the environment to explore further by hand; CI uses the defaults.
 */

/** Every ErrorCode, at runtime. The assignment below fails to compile when the union gains one. */
export const ERROR_CODES = [
  'INVALID_NAME', 'INVALID_SEMVER', 'INVALID_YAML', 'INVALID_VALUES', 'INVALID_MANIFEST', 'INVALID_CHART_SOURCE', 'INVALID_PRIORITY',
  'INVALID_CONNECTION', 'INVALID_KUBERNETES_VERSION', 'SENSITIVE_LITERAL', 'MANIFEST_TOKEN', 'CHART_NOT_FOUND', 'DUPLICATE_LAYER',
  'DUPLICATE_RELEASE', 'DUPLICATE_CLUSTER', 'DUPLICATE_INFRA_ROLE', 'MISSING_INFRA_ROLE', 'ROLE_NOT_ALLOWED', 'ADDON_NOT_ALLOWED',
  'TWO_INFRA_PROFILES', 'PROFILE_ATTACHED_TWICE', 'UNKNOWN_DEPENDENCY', 'UNKNOWN_LAYER', 'LAYER_CYCLE', 'POLICY_VIOLATION', 'PACK_INVALID',
  'PACK_ARCHIVE_INVALID', 'PACK_FILE_MISSING', 'PACK_NOT_FOUND', 'NO_PACK_CATALOG', 'INVALID_VERSION_CONSTRAINT', 'VERSION_NOT_FOUND',
  'DIGEST_MISMATCH', 'LOCK_STALE', 'LOCK_MISSING', 'LOCKFILE_INVALID', 'REGISTRY_UNREACHABLE', 'UNKNOWN_PRESET', 'PRESET_CONFLICT',
  'SCHEMA_VIOLATION', 'PACK_CONSTRAINT', 'UNKNOWN_PACK_REFERENCE', 'INVALID_VARIABLE', 'UNKNOWN_VARIABLE', 'UNKNOWN_MACRO', 'INVALID_DOCUMENT',
  'MISSING_MASKED_VALUE', 'UNKNOWN_MASKED_VALUE', 'DUPLICATE_PROFILE', 'PROTECTED_LAYER_REMOVED', 'NAMESPACE_CONFLICT',
  'DUPLICATE_CONSTRUCT_ID', 'INVALID_DRIFT_RULE', 'DRIFT_INPUT', 'KUBE_CONNECTION', 'KUBE_REQUEST', 'RELEASE_RECORD',
  'INVALID_READINESS', 'READINESS_OBJECT_UNKNOWN', 'READINESS_TIMEOUT',
  'DUPLICATE_WAVE', 'WAVE_EMPTY', 'WAVE_SELECTOR_UNMATCHED', 'WAVE_UNKNOWN_CLUSTER', 'UNKNOWN_CLUSTER', 'WAVE_OVERLAP', 'WAVE_UNASSIGNED', 'INVALID_ROLLOUT_LIMIT',
  'NOT_A_PROFILE', 'INVALID_LOCK_MODE', 'INVALID_REGISTRY_URL',
] as const satisfies readonly ErrorCode[];
const everyCodeListed: [Exclude<ErrorCode, (typeof ERROR_CODES)[number]>] extends [never] ? true : Exclude<ErrorCode, (typeof ERROR_CODES)[number]> = true;
void everyCodeListed;
const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** The seed of every property. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20250907);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

/** Longest a single case may take; a case that takes longer is reported as a hang. */
export const CASE_BUDGET_MS = 3000;

/** Wall-clock limit of one property: a safety net that stops generating cases on a very slow machine. */
const PROPERTY_LIMIT_MS = 12_000;

/** Jest timeout of a fuzz test: above the property limit, plus room for shrinking a failure. */
export const FUZZ_TEST_TIMEOUT_MS = 120_000;

/** Checks `property` on `numRuns` generated cases, with the suite's seed and limits. */
export function fuzz<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, numRuns: number): void {
  fc.assert(property, { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)), interruptAfterTimeLimit: PROPERTY_LIMIT_MS * SCALE });
}

/** What a call gave: its value, or the ProfileError it threw. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ProfileError };

/**
 * Runs `fn` and returns what it gave. Throws, failing the property, when `fn` throws anything but
 * a well-formed ProfileError, runs over `budgetMs` (it is interrupted: a hang), or changes
 * Object.prototype (which is then restored).
 */
export function outcome<T>(fn: () => T, budgetMs = CASE_BUDGET_MS): Outcome<T> {
  const before = prototypeSnapshot();
  try {
    return { ok: true, value: withinBudget(fn, budgetMs) };
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    checkProfileError(e);
    return { ok: false, error: e };
  } finally {
    restorePrototype(before);
  }
}

/** Like {@link outcome}, for calls whose result does not matter. */
export function settles(fn: () => unknown, budgetMs = CASE_BUDGET_MS): ProfileError | undefined {
  const result = outcome(fn, budgetMs);
  return result.ok ? undefined : result.error;
}

/** A ProfileError is well formed: known codes, every diagnostic with a path of the documented style, a message and a fix, and its text made of them. */
export function checkProfileError(error: ProfileError): void {
  const problems: string[] = [];
  if (!KNOWN_CODES.has(error.code)) problems.push(`code ${JSON.stringify(error.code)} is not an ErrorCode`);
  if (error.diagnostics.length === 0) problems.push('it has no diagnostics');
  for (const d of error.diagnostics) {
    if (!KNOWN_CODES.has(d.code)) problems.push(`diagnostic code ${JSON.stringify(d.code)} is not an ErrorCode`);
    const pathProblem = pathStyleProblem(d.path);
    if (pathProblem) problems.push(`diagnostic path ${pathProblem}`);
    for (const field of ['path', 'message', 'fix'] as const) {
      if (typeof d[field] !== 'string' || d[field] === '') problems.push(`a ${d.code} diagnostic has no ${field}`);
    }
  }
  if (error.message !== formatDiagnostics(error.diagnostics)) problems.push('its message is not its formatted diagnostics');
  if (problems.length > 0) throw new Error(`malformed ProfileError (${problems.join('; ')}):\n${error.message}`);
}

// One context for every case: the script only calls back into this realm, so errors keep their classes.
const sandbox = vm.createContext({ job: undefined as (() => unknown) | undefined });
const callJob = new vm.Script('job()');

/** Runs `fn`, interrupting it after `budgetMs` (vm's watchdog stops synchronous code too). */
function withinBudget<T>(fn: () => T, budgetMs: number): T {
  sandbox.job = fn;
  try {
    return callJob.runInContext(sandbox, { timeout: budgetMs }) as T;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new Error(`did not finish within ${budgetMs} ms: a hang`);
    throw e;
  } finally {
    sandbox.job = undefined;
  }
}

type PrototypeSnapshot = Map<string | symbol, PropertyDescriptor>;

function prototypeSnapshot(): PrototypeSnapshot {
  return new Map(Reflect.ownKeys(Object.prototype).map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)!]));
}

/** Puts Object.prototype back as it was and throws when the call had changed it. */
function restorePrototype(before: PrototypeSnapshot): void {
  const changed: string[] = [];
  for (const key of Reflect.ownKeys(Object.prototype)) {
    const was = before.get(key);
    const now = Object.getOwnPropertyDescriptor(Object.prototype, key)!;
    if (was && was.value === now.value && was.get === now.get && was.set === now.set) continue;
    changed.push(String(key));
    if (was) Object.defineProperty(Object.prototype, key, was);
    else delete (Object.prototype as Record<string | symbol, unknown>)[key];
  }
  if (changed.length > 0) throw new Error(`the call changed Object.prototype: ${changed.join(', ')}`);
}

/**
 * Dependencies warn about inputs that fuzzing makes by the thousand: the yaml library about map
 * keys that are collections (`? [a, b]: 1`, through process.emitWarning), cdktf about text around
 * a token in a function argument (console.warn). Silenced for the file, so the suite prints nothing.
 */
export function silenceProcessWarnings(): void {
  const spies: jest.SpyInstance[] = [];
  beforeAll(() => {
    spies.push(jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined));
    spies.push(jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  });
  afterAll(() => spies.forEach((spy) => spy.mockRestore()));
}

/**
 * Fails unless two values trees are deeply and strictly equal (own keys, Object.is on leaves).
 * (jest's toStrictEqual compares `constructor` properties, which a tree may have as a key.)
 */
export function expectSameTree(actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return;
  const show = (v: unknown) => inspect(v, { depth: null, breakLength: Infinity, maxStringLength: 200 });
  throw new Error(`trees differ:\n  expected ${show(expected)}\n  received ${show(actual)}`);
}
