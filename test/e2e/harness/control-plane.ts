// A real Kubernetes control plane on loopback for the deploy tests: etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler and kwok (a fake node whose pods become Ready), built
// from Go modules by scripts/e2e/build-control-plane.sh (cached by version, outside the repo)
// and run by scripts/e2e/control-plane.sh, which stops every process by its own pid.
import * as path from 'node:path';
import { run } from './processes';
import { REPO_ROOT, runSubdir } from './run-dir';

const SCRIPTS = path.join(REPO_ROOT, 'scripts', 'e2e');

export interface ControlPlane {
  readonly dir: string;
  readonly kubeconfig: string;
  /** kubectl against this cluster; resolves with stdout, rejects with the output on failure. */
  kubectl(...args: string[]): Promise<string>;
  /** helm against this cluster. */
  helm(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** Builds what is missing (minutes when cold, instant when cached), then starts an empty cluster. */
export async function startControlPlane(name = 'cluster'): Promise<ControlPlane> {
  const dir = runSubdir(name);
  await run('bash', [path.join(SCRIPTS, 'build-control-plane.sh')], { timeoutMs: 60 * 60 * 1000 });
  await run('bash', [path.join(SCRIPTS, 'control-plane.sh'), 'start', dir], { timeoutMs: 3 * 60 * 1000 });
  const kubeconfig = path.join(dir, 'kubeconfig');
  const env = { ...process.env, KUBECONFIG: kubeconfig, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` };
  const tool = (binary: string) => async (...args: string[]) => (await run(path.join(dir, 'bin', binary), args, { env })).stdout;
  return {
    dir,
    kubeconfig,
    kubectl: tool('kubectl'),
    helm: tool('helm'),
    stop: async () => {
      await run('bash', [path.join(SCRIPTS, 'control-plane.sh'), 'stop', dir]);
    },
  };
}
