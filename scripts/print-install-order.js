#!/usr/bin/env node
// Prints an install plan (cdktf.out/stacks/<stack>/clusters/<cluster>/install-plan.json) as a
// table: one line per layer, grouped by the step it installs in.
const fs = require('fs');

const file = process.argv[2];
if (!file) {
  console.error('usage: print-install-order.js <install-plan.json>');
  process.exit(2);
}
const plan = JSON.parse(fs.readFileSync(file, 'utf8'));
const source = (layer) => {
  const chart = layer.chart;
  if (!chart) return layer.kind === 'kubernetes' ? 'server version check' : '(nothing to install)';
  if (chart.type === 'repository' || chart.type === 'oci') return `${chart.repository} ${chart.name}`;
  if (chart.type === 'pack') return `pack ${chart.name} ${layer.version} (${chart.constraint}) from ${chart.registry}`;
  return `${chart.type} chart ${chart.path.split('/').pop()}`;
};
console.log(`Install plan of cluster "${plan.cluster}" (${plan.installOrder}): ${plan.layers.length} layers in ${plan.groups.length} steps`);
for (const layer of plan.layers) {
  const after = layer.dependsOn.length ? `after ${layer.dependsOn.join(', ')}` : 'first';
  console.log(
    `  step ${String(layer.group + 1).padStart(2)}  ${layer.name.padEnd(14)} ${(layer.role ?? 'add-on').padEnd(7)} ` +
      `${`${layer.profile.name}@${layer.profile.version}`.padEnd(20)} ${`${layer.namespace}/${layer.releaseName}`.padEnd(26)} ` +
      `${(layer.version ?? '-').padEnd(8)} ${source(layer)}  (${after})`,
  );
}
