// Loading the library's main entry point after cdktf and the provider classes it loads:
// `entry=bundle` the bundle the package ships (scripts/build-lib.js), `entry=per-file` lib/
// compiled one file per module, as the package was before. The require is the measured phase.
import { arg, run } from './harness'; // first: marks where imports start
import 'cdktf';
import '@cdktf/provider-helm/lib/provider';
import '@cdktf/provider-kubernetes/lib/provider';
import '@cdktf/provider-kubernetes/lib/data-kubernetes-server-version';

const entry = arg('entry');
if (entry !== 'bundle' && entry !== 'per-file') throw new Error(`entry=${entry}: expected bundle or per-file`);

run(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require(entry === 'bundle' ? '../../lib' : '../../lib/index-per-file') as object,
  () => undefined,
);
