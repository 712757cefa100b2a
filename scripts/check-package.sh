#!/usr/bin/env bash
# Packs the library as npm would publish it (prepack builds lib/ into dist/lib), checks what the
# tarball holds, installs it into a fresh consumer project under /tmp, and uses it there from
# CommonJS and from ESM: every public name of every entry point, a synth, the core without cdktf
# and the command line. The consumer borrows cdktf, constructs and the providers (peer
# dependencies) from this checkout's node_modules by symlink, so nothing large is downloaded.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/cluster-profiles-package-XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "== npm pack"
(cd "$root" && npm pack --silent --pack-destination "$work" > "$work/pack.log")
tarball="$work/$(tail -n 1 "$work/pack.log")"
tar -tzf "$tarball" | sort > "$work/files"
for required in package/dist/lib/index.js package/dist/lib/index.d.ts package/dist/lib/core.js package/dist/lib/testing.js \
  package/dist/lib/document.js package/dist/lib/pack.js package/dist/lib/jest-setup.js package/dist/lib/cli.js \
  package/dist/lib/document/profile-document.schema.json package/dist/lib/THIRD-PARTY-NOTICES.md package/bin/cluster-profiles.js; do
  grep -qx "$required" "$work/files" || { echo "check-package: the tarball lacks $required" >&2; exit 1; }
done
if grep -v -e '^package/dist/lib/' -e '^package/bin/' -e '^package/package.json$' -e '^package/README.md$' -e '^package/LICENSE' "$work/files"; then
  echo "check-package: the tarball holds files outside dist/lib and bin (above)" >&2
  exit 1
fi
echo "$(wc -l < "$work/files") files, all under dist/lib and bin"

echo "== install into a fresh consumer project"
consumer="$work/consumer"
mkdir -p "$consumer"
printf '{ "name": "consumer", "version": "1.0.0", "private": true }\n' > "$consumer/package.json"
(cd "$consumer" && npm install --silent --no-audit --no-fund --legacy-peer-deps --prefer-offline "$tarball")
for peer in cdktf constructs @cdktf/provider-helm @cdktf/provider-kubernetes; do
  mkdir -p "$consumer/node_modules/$(dirname "$peer")"
  ln -s "$(cd "$root" && node -p "require('path').dirname(require.resolve('$peer/package.json'))")" "$consumer/node_modules/$peer"
done

# The package's code cache (lib/code-cache.ts) lives in the work folder, not in the user's.
export CLUSTER_PROFILES_CODE_CACHE="$work/code-cache"

echo "== CommonJS"
cat > "$consumer/use.cjs" <<'EOF'
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, TerraformStack } = require('cdktf');
const lib = require('cdktf-cluster-profiles');
require('cdktf-cluster-profiles/testing');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-out-'));
const app = new App({ outdir });
const addons = new lib.AddonProfile(app, 'apps', { version: '1.0.0' });
addons.addHelmLayer('web', { chart: lib.ChartSource.repository('https://charts.example.com', 'web'), version: '1.0.0', namespace: 'web' });
new lib.Cluster(new TerraformStack(app, 'prod'), 'prod', { connection: lib.ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [addons] });
app.synth();
const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8'));
if (!json.resource.helm_release.prod_web) throw new Error('no helm_release.prod_web');
fs.rmSync(outdir, { recursive: true, force: true });
console.log(`cjs: ${Object.keys(lib).length} names, synth wrote helm_release.prod_web`);
EOF
(cd "$consumer" && node use.cjs)

echo "== a gated layer runs the installed waiter"
cat > "$consumer/gated.cjs" <<'EOF'
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { App, TerraformStack } = require('cdktf');
const lib = require('cdktf-cluster-profiles');
const outdir = path.join(__dirname, 'cdktf.out');
const app = new App({ outdir });
const addons = new lib.AddonProfile(app, 'apps', { version: '1.0.0' });
addons.addHelmLayer('web', {
  chart: lib.ChartSource.repository('https://charts.example.com', 'web'),
  version: '1.0.0',
  readiness: [lib.Readiness.exists({ apiVersion: 'v1', kind: 'Secret', name: 'web-tls' })],
});
new lib.Cluster(new TerraformStack(app, 'prod'), 'prod', { connection: lib.ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [addons] });
app.synth();
const stackDir = path.join(outdir, 'stacks', 'prod');
const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
// web is the only layer, so no layer waits for it: its gate is the cluster's.
const command = json.resource.terraform_data.prod_ready.provisioner[0]['local-exec'].command;
const [, bin, , , gates] = command.split(' ');
const installed = fs.realpathSync(path.join(__dirname, 'node_modules', 'cdktf-cluster-profiles', 'bin', 'cluster-profiles.js'));
if (fs.realpathSync(path.resolve(stackDir, bin)) !== installed) throw new Error(`the gate runs ${bin}, not the installed bin`);
execFileSync('node', [bin, 'wait', '--help'], { cwd: stackDir });
// The installed waiter reads the gate file synth wrote, and gets as far as the kubeconfig (there is none).
const run = spawnSync('node', [bin, 'wait', '--gates', gates], { cwd: stackDir, env: { ...process.env, HOME: __dirname }, encoding: 'utf8' });
if (run.status !== 1 || !run.stderr.includes('.kube/config') || !run.stderr.includes('cannot be read')) throw new Error(`the waiter on ${gates}: exit ${run.status}, ${run.stderr}`);
fs.rmSync(outdir, { recursive: true, force: true });
console.log(`gated: ${command}`);
EOF
(cd "$consumer" && node gated.cjs)

echo "== ESM: every public name of every entry point as a named import"
for entry in cdktf-cluster-profiles cdktf-cluster-profiles/testing cdktf-cluster-profiles/core cdktf-cluster-profiles/document cdktf-cluster-profiles/pack; do
  names=$(cd "$consumer" && node -p "Object.keys(require('$entry')).filter((n) => n !== 'default' && n !== '__esModule').join(', ')")
  printf "import { %s } from '%s';\nconsole.log('esm: %s: ' + [%s].length + ' names');\n" "$names" "$entry" "$entry" "$names" > "$consumer/use-$(echo "$entry" | tr '/' '-').mjs"
  (cd "$consumer" && node "use-$(echo "$entry" | tr '/' '-').mjs")
done

echo "== the bundled entry points: the names of the source, one copy of each class"
cat > "$consumer/bundle.cjs" <<'EOF'
// The package's JavaScript is lib/ bundled per entry point (scripts/build-lib.js), with shared
// chunks: every entry point exports what its source exports (names whose value is a value, not a
// type), and a class reached through two entry points is one class.
const entries = { '': 'index.ts', '/core': 'core.ts', '/document': 'document/index.ts', '/pack': 'pack/index.ts', '/testing': 'testing/index.ts' };
const { require: tsxRequire } = require(process.env.ROOT + '/node_modules/tsx/dist/cjs/api/index.cjs');
for (const [subpath, source] of Object.entries(entries)) {
  const module = require('cdktf-cluster-profiles' + subpath);
  const built = Object.keys(module).sort();
  const fromSource = tsxRequire(process.env.ROOT + '/lib/' + source, __filename);
  const expected = Object.keys(fromSource).filter((n) => n !== '__esModule' && fromSource[n] !== undefined).sort();
  if (JSON.stringify(built) !== JSON.stringify(expected)) {
    throw new Error(`cdktf-cluster-profiles${subpath} exports ${built.join(', ')}; the source exports ${expected.join(', ')}`);
  }
  // Bundling renames what clashes, and a class that refers to itself becomes `_Cluster`: the
  // build keeps names (messages name a construct's kind by its constructor's name).
  const renamed = built.filter((n) => typeof module[n] === 'function' && module[n].name !== n);
  if (renamed.length > 0) throw new Error(`cdktf-cluster-profiles${subpath}: ${renamed.map((n) => `${n} is named ${module[n].name}`).join(', ')}`);
}
const main = require('cdktf-cluster-profiles');
const core = require('cdktf-cluster-profiles/core');
for (const name of ['ProfileError', 'SensitiveValue', 'Readiness']) {
  if (typeof main[name] !== 'function' || main[name] !== core[name]) throw new Error(`${name} of the main entry point is not ${name} of /core`);
}
console.log(`bundle: ${Object.keys(entries).length} entry points export the names of their source, under their own names; classes shared`);
EOF
(cd "$consumer" && ROOT="$root" node bundle.cjs)

echo "== jest runs a user's test of the installed package, with the matchers of jest-setup"
mkdir -p "$consumer/tests"
cat > "$consumer/tests/profile.test.js" <<'EOF'
const { Testing, TerraformStack } = require('cdktf');
const { AddonProfile, ChartSource, Cluster, ClusterConnection, ProfileError } = require('cdktf-cluster-profiles');
const { synthCluster } = require('cdktf-cluster-profiles/testing');

test('a user tests a cluster of the installed package with its matchers', () => {
  const app = Testing.app();
  const addons = new AddonProfile(app, 'apps', { version: '1.0.0' });
  addons.addHelmLayer('ingress', { chart: ChartSource.repository('https://charts.example.com', 'ingress'), version: '4.11.2', namespace: 'ingress' });
  addons.addHelmLayer('web', { chart: ChartSource.repository('https://charts.example.com', 'web'), version: '1.0.0', dependsOn: ['ingress'] });
  const cluster = new Cluster(new TerraformStack(app, 'prod'), 'prod', { connection: ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [addons] });
  const synthesized = synthCluster(cluster);
  expect(synthesized).toInstallBefore('ingress', 'web');
  expect(synthesized).toHaveLayer('ingress', { version: '4.11.2', namespace: 'ingress' });
  expect(() => addons.addHelmLayer('web', { chart: ChartSource.repository('https://charts.example.com', 'web'), version: '1.0.0' })).toThrow(ProfileError);
});
EOF
printf '%s\n' "module.exports = { rootDir: __dirname, testEnvironment: 'node', testMatch: ['**/tests/*.test.js'], setupFilesAfterEnv: ['cdktf-cluster-profiles/testing/jest-setup'] };" > "$consumer/jest.config.js"
(cd "$consumer" && "$root/node_modules/.bin/jest" -c jest.config.js --ci --silent > "$work/jest.log" 2>&1) || { cat "$work/jest.log"; echo "check-package: jest could not test with the installed package" >&2; exit 1; }
echo "jest: a test of the installed package passes with the matchers of jest-setup"

echo "== TypeScript finds every entry point's declarations (package exports and typesVersions)"
cat > "$consumer/use.ts" <<'EOF'
import { AddonProfile, ProfileError } from 'cdktf-cluster-profiles';
import { planCluster, ClusterSpec } from 'cdktf-cluster-profiles/core';
import { PROFILE_DOCUMENT_KIND } from 'cdktf-cluster-profiles/document';
import { contentDigest } from 'cdktf-cluster-profiles/pack';
import { synthCluster, SynthesizedCluster } from 'cdktf-cluster-profiles/testing';
export const used: unknown[] = [AddonProfile, ProfileError, planCluster, PROFILE_DOCUMENT_KIND, contentDigest, synthCluster];
export type Used = [ClusterSpec, SynthesizedCluster];
EOF
for resolution in node16 node10; do
  module=$([ "$resolution" = node16 ] && echo node16 || echo commonjs)
  (cd "$consumer" && "$root/node_modules/.bin/tsc" --noEmit --strict --skipLibCheck --types node --typeRoots "$root/node_modules/@types" \
    --module "$module" --moduleResolution "$resolution" use.ts) || { echo "check-package: the declarations do not resolve with moduleResolution $resolution" >&2; exit 1; }
done
echo "types: every entry point resolves with moduleResolution node16 and node10"

echo "== the core and a readiness gate's waiter load no cdktf or constructs"
# Preloaded: a process that asks for cdktf, constructs or a provider binding fails.
cat > "$consumer/no-cdktf.cjs" <<'EOF'
const Module = require('module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (/^(cdktf|constructs)(\/|$)|^@cdktf\//.test(request)) throw new Error(`asked for ${request}`);
  return resolve.call(this, request, ...rest);
};
EOF
(cd "$consumer" && node -r ./no-cdktf.cjs -e "
const core = require('cdktf-cluster-profiles/core');
if (typeof core.planCluster !== 'function') throw new Error('no planCluster');")
echo "core: planCluster loaded, no cdktf, no constructs"
# The wait command runs (it reads the gate file, which is missing): the bundle kept it lazy, apart
# from the synth.
if (cd "$consumer" && node -r ./no-cdktf.cjs node_modules/cdktf-cluster-profiles/bin/cluster-profiles.js wait --gates missing.json > /dev/null 2> "$work/wait.err"); then
  echo "check-package: wait ran without a gate file" >&2; exit 1
fi
grep -q "missing.json" "$work/wait.err" || { cat "$work/wait.err"; echo "check-package: the waiter failed before reading its gate file" >&2; exit 1; }
echo "waiter: the wait command runs without cdktf"

echo "== the code cache: written by the first process, used by the next"
cat > "$consumer/cache-status.cjs" <<'EOF'
require('cdktf-cluster-profiles');
const { uses } = require('./node_modules/cdktf-cluster-profiles/dist/lib/code-cache.js').codeCacheStatus();
const states = [...new Set(uses.map((u) => u.cache))];
console.log(`${uses.length} files ${states.join(',')}`);
EOF
(cd "$consumer" && node cache-status.cjs > /dev/null && node cache-status.cjs > "$work/cache.txt")
grep -qx '[1-9][0-9]* files accepted' "$work/cache.txt" || { cat "$work/cache.txt"; echo "check-package: the second process did not compile from the code cache" >&2; exit 1; }
echo "code cache: $(cat "$work/cache.txt")"

echo "== the command line"
(cd "$consumer" && npx --no-install cluster-profiles --help > "$work/help.txt") || { cat "$work/help.txt"; exit 1; }
head -n 1 "$work/help.txt"
echo "check-package: OK"
