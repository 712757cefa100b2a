import { Diagnostic } from '../errors';
import { isPlainObject, Values, ValueSource } from '../values/merge';
import { chartsSectionNotAMap, unknownChartSection } from '../diagnostics';

/**
 * Which `charts.<key>` section of a pack's values goes to which of its charts. Palette keys the
 * section by chart name, and published packs key it by what they call the chart: its Chart.yaml
 * name, its archive's name (`ingress-ambassador.tgz` holds chart `ambassador`, values under
 * `charts.ingress-ambassador`), with or without the version, or the archive's top folder. A
 * section that names none of the pack's charts would be dropped without a word, so it is an
 * error instead (see {@link checkChartSections}).
 */

/** A chart of a pack, as the pack lists it. */
export interface PackChart {
  /** The archive, relative to the pack (`charts/ingress-ambassador.tgz`). */
  readonly file: string;
  /** `name` of the chart's Chart.yaml. */
  readonly chartName: string;
  /** The top folder inside the archive, when it has one. */
  readonly folder?: string;
}

/** The keys a chart's values section may have, best first. */
export function chartSectionKeys(chart: PackChart): string[] {
  const archive = chart.file.split('/').pop()!.replace(/\.(tgz|tar\.gz)$/, '');
  const unversioned = archive.replace(/-v?\d+(\.\d+)*(-[0-9A-Za-z.-]+)?$/, '');
  return [...new Set([chart.chartName, archive, unversioned, ...(chart.folder ? [chart.folder] : [])])];
}

/** The values of `chart`: the section of the first of its keys that the values have, else none. */
export function chartSection(chart: PackChart, values: Values): Values {
  const charts = isPlainObject(values.charts) ? values.charts : {};
  const key = chartSectionKeys(chart).find((k) => Object.hasOwn(charts, k));
  return key !== undefined && isPlainObject(charts[key]) ? (charts[key] as Values) : {};
}

/** What {@link checkChartSections} found. */
export interface ChartSectionCheck {
  /** A diagnostic for each section the profile or the cluster set that names none of the charts. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * `charts.<key>` sections set only by the pack's own values.yaml (or a preset) that name none
   * of its charts. Palette drops them, so the pack works there; they are dropped here too, and
   * listed in the install plan and by `packs check` so that no value disappears unseen.
   */
  readonly ignored: readonly string[];
}

/**
 * Finds every `charts.<key>` that names none of the pack's charts: an error when the profile or
 * the cluster set it (a typo that would silently do nothing), a recorded, ignored section when
 * it comes from the pack itself.
 */
export function checkChartSections(
  pack: { readonly name: string; readonly version: string; readonly charts: readonly PackChart[] },
  values: Values,
  provenance: Readonly<Record<string, ValueSource>>,
  where: string,
): ChartSectionCheck {
  if (values.charts === undefined || values.charts === null) return { diagnostics: [], ignored: [] };
  const names = pack.charts.map((c) => c.chartName);
  if (!isPlainObject(values.charts)) {
    return { diagnostics: [chartsSectionNotAMap(where, `${pack.name} ${pack.version}`, names)], ignored: [] };
  }
  const known = new Set(pack.charts.flatMap(chartSectionKeys));
  const unknown = Object.keys(values.charts).filter((key) => !known.has(key));
  const fromPack = (key: string) =>
    Object.entries(provenance).every(([path, source]) => !(path === `charts.${key}` || path.startsWith(`charts.${key}.`) || path.startsWith(`charts.${key}[`)) || source === 'pack' || source === 'preset');
  return {
    ignored: unknown.filter(fromPack).map((key) => `charts.${key}`),
    diagnostics: unknown
      .filter((key) => !fromPack(key))
      .map((key) => unknownChartSection(where, key, `${pack.name} ${pack.version}`, names)),
  };
}
