#!/usr/bin/env bash
# Builds the binaries of the e2e control plane from Go modules (the module
# proxy is the only source reachable here: no GitHub releases, no GCS):
#   kube-apiserver, kube-controller-manager, kube-scheduler, kubectl  (k8s.io/kubernetes)
#   etcd (go.etcd.io/etcd/server/v3), kwok (optional), helm
# into $CLUSTER_PROFILES_CACHE/bin/<name>-<version> (default ~/.cache/cluster-profiles).
# Only missing binaries are built, so a second run is a no-op.
#
# Usage: scripts/e2e/build-control-plane.sh
set -euo pipefail
source "$(dirname "$0")/versions.sh"

# Use the machine's Go (no toolchain download), static binaries, no local paths
# in them. -buildvcs=false: the wrapper modules live outside any git checkout.
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false
mkdir -p "$CP_BIN" "$CP_BUILD" "$(dirname "$KWOK_STAGES")"

fmt() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
START=$SECONDS

# wrapper DIR: (re)creates an empty throwaway main module in the cache.
# A wrapper is needed because k8s.io/kubernetes and etcd's server module use
# local `replace`s, which `go install pkg@version` refuses.
wrapper() {
  local dir=$1
  mkdir -p "$dir"
  printf 'module e2e.local/%s\n\ngo 1.24.0\n' "$(basename "$dir")" >"$dir/go.mod"
  rm -f "$dir/go.sum"
}

# quiet LOG CMD...: runs a noisy go command, showing its log only on failure.
quiet() {
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then tail -n 40 "$log" >&2; return 1; fi
}

# build NAME VERSION DIR PKG [LDFLAGS]: go build PKG inside wrapper DIR, written
# atomically (tmp + mv) so an interrupted build is never taken as cached.
build() {
  local name=$1 ver=$2 dir=$3 pkg=$4 ldflags=${5:-} out t0=$SECONDS
  out=$(cp_bin "$name" "$ver")
  # Explicit `|| return`: build also runs inside an `if` (kwok), where set -e is off.
  (cd "$dir" && quiet "$dir/build-$name.log" \
    go build -trimpath -ldflags "-s -w $ldflags" -o "$out.tmp" "$pkg") || return 1
  mv "$out.tmp" "$out" || return 1
  echo "  built $name $ver in $(fmt $((SECONDS - t0))) ($(du -h "$out" | cut -f1))"
}

missing() { local n; for n in "$@"; do [[ -x $(cp_bin "$n" "${VER[$n]}") ]] || return 0; done; return 1; }

declare -A VER=(
  [kube-apiserver]=$K8S_VERSION [kube-controller-manager]=$K8S_VERSION
  [kube-scheduler]=$K8S_VERSION [kubectl]=$K8S_VERSION
  [etcd]=$ETCD_VERSION [kwok]=$KWOK_VERSION [helm]=$HELM_VERSION
)

# --- Kubernetes -------------------------------------------------------------
K8S_BINS=(kube-apiserver kube-controller-manager kube-scheduler kubectl)
if missing "${K8S_BINS[@]}"; then
  echo "== kubernetes $K8S_VERSION"
  W=$CP_BUILD/k8s-$K8S_VERSION t0=$SECONDS
  wrapper "$W"
  # k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them
  # with ./staging/src/...; point each one at its published v0.MINOR.PATCH tag.
  # The list comes from the release's own go.mod, so it follows version bumps.
  GOMOD=$(cd "$W" && go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')
  STAGING=$(sed -n 's#^[[:space:]]*\(k8s.io/[A-Za-z0-9._-]*\) => ./staging/src/.*#\1#p' "$GOMOD")
  for m in $STAGING; do (cd "$W" && go mod edit -replace="$m=$m@v0.${K8S_VERSION#v1.}"); done
  (cd "$W" && quiet "$W/get.log" go get $(printf "k8s.io/kubernetes/cmd/%s@$K8S_VERSION " "${K8S_BINS[@]}"))
  echo "  resolved $(echo "$STAGING" | wc -w) staging modules + downloads in $(fmt $((SECONDS - t0)))"
  # Without these the binaries report v0.0.0-master, and clients that branch
  # on the server version (helm's kubeVersion check, the kubernetes provider)
  # misbehave.
  MINOR=$(cut -d. -f2 <<<"$K8S_VERSION")
  LDF=""
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    LDF+=" -X $p.gitVersion=$K8S_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$MINOR"
    LDF+=" -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  for b in "${K8S_BINS[@]}"; do
    if missing "$b"; then build "$b" "$K8S_VERSION" "$W" "k8s.io/kubernetes/cmd/$b" "$LDF"; fi
  done
fi

# --- etcd -------------------------------------------------------------------
if missing etcd; then
  echo "== etcd $ETCD_VERSION"
  W=$CP_BUILD/etcd-$ETCD_VERSION t0=$SECONDS
  wrapper "$W"
  (cd "$W" && quiet "$W/get.log" go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION")
  echo "  downloads in $(fmt $((SECONDS - t0)))"
  # The server module's root package is etcd's main.
  build etcd "$ETCD_VERSION" "$W" go.etcd.io/etcd/server/v3
fi

# --- helm -------------------------------------------------------------------
if missing helm; then
  echo "== helm $HELM_VERSION"
  W=$CP_BUILD/helm-$HELM_VERSION t0=$SECONDS
  wrapper "$W"
  (cd "$W" && quiet "$W/get.log" go get "helm.sh/helm/v3/cmd/helm@$HELM_VERSION")
  echo "  downloads in $(fmt $((SECONDS - t0)))"
  # Same ldflags as helm's Makefile: its version, and the default Kubernetes
  # version that `helm template`/`lint` assume, taken from its client-go.
  KMINOR=$(cd "$W" && go list -m -f '{{.Version}}' k8s.io/client-go | cut -d. -f2)
  LDF="-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION -X helm.sh/helm/v3/internal/version.metadata="
  LDF+=" -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
  for p in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    LDF+=" -X $p.k8sVersionMajor=1 -X $p.k8sVersionMinor=$KMINOR"
  done
  build helm "$HELM_VERSION" "$W" helm.sh/helm/v3/cmd/helm "$LDF"
fi

# --- kwok (optional: fakes nodes and pods so Deployments become Ready) -------
if missing kwok || [[ ! -s $KWOK_STAGES ]]; then
  echo "== kwok $KWOK_VERSION"
  W=$CP_BUILD/kwok-$KWOK_VERSION t0=$SECONDS
  wrapper "$W"
  if (cd "$W" && quiet "$W/get.log" go get "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION") &&
    echo "  downloads in $(fmt $((SECONDS - t0)))" &&
    { ! missing kwok || build kwok "$KWOK_VERSION" "$W" sigs.k8s.io/kwok/cmd/kwok \
      "-X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION"; }; then
    # kwok exits with "no stages found" unless given Stage objects; they ship
    # in its module. "fast" stages: nodes Ready at once, pods Running+Ready.
    # The lease heartbeat matches control-plane.sh's --node-lease-duration-seconds.
    KDIR=$(cd "$W" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)/kustomize/stage
    for f in "$KDIR"/node/fast/node-initialize.yaml \
      "$KDIR"/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml "$KDIR"/pod/fast/pod-*.yaml; do
      cat "$f"; echo "---"
    done >"$KWOK_STAGES.tmp"
    mv "$KWOK_STAGES.tmp" "$KWOK_STAGES"
  else
    # Not fatal: without kwok the cluster still serves the API (no pods run).
    echo "  WARNING: kwok $KWOK_VERSION did not build with $(go env GOVERSION); continuing without it" >&2
  fi
fi

echo "== all binaries in $CP_BIN ($(fmt $((SECONDS - START))) total)"
