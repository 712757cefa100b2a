# Sourced by build-control-plane.sh and control-plane.sh: one place for the
# versions of the e2e control plane and for where its binaries are cached.
# Each variable can be overridden from the environment.

# Kubernetes 1.34 ships an etcd 3.6 client, so pair it with an etcd 3.6 server.
K8S_VERSION=${K8S_VERSION:-v1.34.4}
ETCD_VERSION=${ETCD_VERSION:-v3.6.16}
KWOK_VERSION=${KWOK_VERSION:-v0.8.0}
# terraform-provider-helm 3.1.1 embeds helm v3.18.4; use the newest 3.18 patch.
HELM_VERSION=${HELM_VERSION:-v3.18.6}

# Binaries are never kept in the repo: they live in a per-user cache, keyed by
# version (bin/<name>-<version>), so a version bump rebuilds only what changed.
CP_CACHE=${CLUSTER_PROFILES_CACHE:-$HOME/.cache/cluster-profiles}
CP_BIN=$CP_CACHE/bin
CP_BUILD=$CP_CACHE/build
KWOK_STAGES=$CP_CACHE/share/kwok-stages-$KWOK_VERSION.yaml

cp_bin() { echo "$CP_BIN/$1-$2"; }   # cp_bin NAME VERSION -> cached path
