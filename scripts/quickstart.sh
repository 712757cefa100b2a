#!/usr/bin/env bash
# Synthesizes examples/quickstart with the cdktf CLI (no network, no cluster) and prints the
# install plan it wrote, with `cluster-profiles plan`.
set -euo pipefail
cd "$(dirname "$0")/../examples/quickstart"
export CHECKPOINT_DISABLE=1   # no update check: synth must work offline
# Some machines export a TF_CLI_CONFIG_FILE that does not exist; Terraform warns on every call.
if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -f "$TF_CLI_CONFIG_FILE" ]; then unset TF_CLI_CONFIG_FILE; fi
rm -rf cdktf.out
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! npx --no-install cdktf synth > "$log" 2>&1; then
  cat "$log" >&2
  echo "quickstart: cdktf synth failed (output above)" >&2
  exit 1
fi
echo "Synthesized examples/quickstart into examples/quickstart/cdktf.out"
node ../../bin/cluster-profiles.js plan cdktf.out
