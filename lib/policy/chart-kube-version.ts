import { parseYaml } from '../values/yaml';
import * as fs from 'fs';
import * as path from 'path';

/** What a local chart's Chart.yaml says about the Kubernetes versions it supports. */
export type ChartKubeVersion =
  | { readonly kind: 'constraint'; readonly constraint: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Reads `kubeVersion` from the Chart.yaml of a chart directory. Packaged `.tgz` charts report
 * `none`: their Chart.yaml is inside the archive, which this does not open.
 */
export function readChartKubeVersion(chartPath: string): ChartKubeVersion {
  const file = path.join(chartPath, 'Chart.yaml');
  if (!fs.existsSync(file)) return { kind: 'none' };
  let chart: unknown;
  try {
    chart = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { kind: 'unreadable', reason: `Chart.yaml is not valid YAML (${(e as Error).message})` };
  }
  const kubeVersion = (chart as { kubeVersion?: unknown } | null)?.kubeVersion;
  if (kubeVersion === undefined || kubeVersion === null || kubeVersion === '') return { kind: 'none' };
  if (typeof kubeVersion !== 'string') return { kind: 'unreadable', reason: 'Chart.yaml kubeVersion is not a string' };
  return { kind: 'constraint', constraint: kubeVersion };
}
