#!/usr/bin/env bash
# A real Kubernetes control plane on loopback, without Docker or kubelets:
# etcd + kube-apiserver + kube-controller-manager, plus kube-scheduler and kwok
# (fake node, pods go Running/Ready) when kwok was built.
#
# Usage: scripts/e2e/control-plane.sh start|stop|env DIR
#   start  fresh, empty cluster (PKI is kept and reused); waits until usable
#   stop   kills each process by its own pid file; safe to call twice
#   env    prints `export ...` lines:  eval "$(scripts/e2e/control-plane.sh env DIR)"
# Binaries come from scripts/e2e/build-control-plane.sh (cached outside the repo).
set -euo pipefail
source "$(dirname "$0")/versions.sh"

usage() { echo "usage: $0 start|stop|env DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
CMD=$1
mkdir -p "$2"
D=$(cd "$2" && pwd)   # absolute: paths end up in the kubeconfig
P=$D/pki
# Start order; stop goes in reverse.
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)
declare -A VER=([etcd]=$ETCD_VERSION [kube-apiserver]=$K8S_VERSION
  [kube-controller-manager]=$K8S_VERSION [kube-scheduler]=$K8S_VERSION [kwok]=$KWOK_VERSION
  [kubectl]=$K8S_VERSION)

log() { echo "[control-plane] $*" >&2; }

# The pid in DIR/NAME.pid, if that process is alive and still runs our binary
# (a stale pid file must never make us signal an unrelated, reused pid).
live_pid() {
  local f=$D/$1.pid pid argv0
  [[ -s $f ]] || return 1
  pid=$(<"$f")
  argv0=$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | head -n1) || return 1
  [[ $(basename "$argv0") == "$1-"* ]] && echo "$pid"
}

stop() {
  local i name pid n
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    name=${COMPONENTS[i]}
    if pid=$(live_pid "$name"); then
      kill "$pid" 2>/dev/null || true
      # SIGTERM lets etcd/apiserver shut down cleanly; force after 20 s.
      # live_pid, not kill -0: an exited but not yet reaped (zombie) process counts as gone.
      for ((n = 0; n < 200; n++)); do live_pid "$name" >/dev/null || break; sleep 0.1; done
      if live_pid "$name" >/dev/null; then log "$name ($pid) ignored SIGTERM, killing"; kill -9 "$pid" 2>/dev/null || true; fi
      log "stopped $name ($pid) in $((n / 10)).$((n % 10))s"
    fi
    rm -f "$D/$name.pid"
  done
}

# A free loopback port: let the kernel pick one, then release it.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# run NAME ARGS...: starts the cached binary in the background, pid and log in DIR.
# nohup + </dev/null: it outlives this script and holds none of the caller's pipes.
run() {
  local name=$1; shift
  nohup "$(cp_bin "$name" "${VER[$name]}")" "$@" </dev/null >"$D/$name.log" 2>&1 &
  echo $! >"$D/$name.pid"
}

# started NAME: whether the process run() started is alive (not a zombie) and runs our binary,
# or is still on its way to it. Right after `nohup ... &` the pid is the forked shell, then
# nohup, and only then our binary: live_pid's argv0 check fails in that window, which made
# start-up report "exited" with an empty log while the server was coming up (issue 14).
# /proc/PID/exe says which program the pid runs now.
started() {
  local f=$D/$1.pid pid state exe
  [[ -s $f ]] || return 1
  pid=$(<"$f")
  state=$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z && $state != X ]] || return 1
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 0 # exec in progress: not readable yet
  case $(basename "$exe") in "$1-"* | nohup | bash | sh | dash) return 0 ;; esac
  return 1
}

# wait_for NAME SECONDS CMD...: polls CMD until it succeeds; fails early if NAME died (checked
# twice, a second apart, so a process between fork and exec is never taken for a dead one).
wait_for() {
  local name=$1 secs=$2 n; shift 2
  for ((n = 0; n < secs * 2; n++)); do
    "$@" >/dev/null 2>&1 && return 0
    if ! started "$name"; then
      sleep 1
      if ! started "$name"; then
        "$@" >/dev/null 2>&1 && return 0
        log "$name exited; last log lines:"; tail -n 30 "$D/$name.log" >&2; return 1
      fi
    fi
    sleep 0.5
  done
  log "timed out after ${secs}s waiting for $name: $*"; tail -n 30 "$D/$name.log" >&2; return 1
}

pki() {
  [[ -s $P/sa.pub ]] && return 0   # reused across starts: certs are valid 10 years
  mkdir -p "$P"
  (
    cd "$P"
    o() { openssl "$@" 2>/dev/null; }
    o req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/CN=e2e-ca"
    # 10.0.0.1 is the `kubernetes` Service IP (first of --service-cluster-ip-range).
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,IP:10.0.0.1,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >server.ext
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    o req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj "/CN=kube-apiserver"
    o x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out apiserver.crt -days 3650 -extfile server.ext
    # O=system:masters: bound to cluster-admin by the default RBAC policy.
    o req -newkey rsa:2048 -nodes -keyout admin.key -out admin.csr -subj "/O=system:masters/CN=e2e-admin"
    o x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out admin.crt -days 3650 -extfile client.ext
    # Service-account tokens: signed by the apiserver, verified with sa.pub.
    o genrsa -out sa.key 2048
    o rsa -in sa.key -pubout -out sa.pub
  )
}

kubeconfig() {
  cat >"$D/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: e2e
  cluster: { server: "https://127.0.0.1:$API_PORT", certificate-authority: "$P/ca.crt" }
users:
- name: e2e-admin
  user: { client-certificate: "$P/admin.crt", client-key: "$P/admin.key" }
contexts:
- name: e2e
  context: { cluster: e2e, user: e2e-admin }
current-context: e2e
EOF
}

# The fake node kwok manages (selected by the kwok.x-k8s.io/node annotation).
kwok_node() {
  "$D/bin/kubectl" --kubeconfig "$D/kubeconfig" apply -f - >/dev/null <<'EOF'
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-0
  annotations: { node.alpha.kubernetes.io/ttl: "0", kwok.x-k8s.io/node: fake }
  labels: { kubernetes.io/arch: amd64, kubernetes.io/os: linux, kubernetes.io/hostname: kwok-node-0, type: kwok }
status:
  allocatable: { cpu: "32", memory: 256Gi, pods: "110" }
  capacity: { cpu: "32", memory: 256Gi, pods: "110" }
EOF
}

# node-lifecycle (in KCM) removes the not-ready taint once kwok reports Ready.
untainted() { [[ -z $("${kubectl[@]}" get node kwok-node-0 -o jsonpath='{.spec.taints}') ]]; }

start() {
  local t0=$SECONDS name api=() kubectl=() with_kwok=""
  for name in "${COMPONENTS[@]}"; do
    if live_pid "$name" >/dev/null; then log "already running ($name); run: $0 stop $D"; exit 1; fi
  done
  for name in etcd kube-apiserver kube-controller-manager kubectl; do
    [[ -x $(cp_bin "$name" "${VER[$name]}") ]] || { log "missing $(cp_bin "$name" "${VER[$name]}"); run scripts/e2e/build-control-plane.sh"; exit 1; }
  done
  [[ -x $(cp_bin kwok "$KWOK_VERSION") && -x $(cp_bin kube-scheduler "$K8S_VERSION") && -s $KWOK_STAGES ]] && with_kwok=1
  # If anything below fails (set -e exits), leave nothing running.
  trap 'log "start failed; stopping"; stop' EXIT

  # The tested kubectl/helm, by their plain names, for `env`'s PATH.
  mkdir -p "$D/bin"
  ln -sf "$(cp_bin kubectl "$K8S_VERSION")" "$D/bin/kubectl"
  ln -sf "$(cp_bin helm "$HELM_VERSION")" "$D/bin/helm"

  pki
  rm -rf "$D/etcd-data"   # every start is an empty cluster
  ETCD_PORT=$(free_port) ETCD_PEER_PORT=$(free_port) API_PORT=$(free_port)
  printf 'ETCD_PORT=%s\nAPI_PORT=%s\n' "$ETCD_PORT" "$API_PORT" >"$D/ports.env"
  kubeconfig

  # --unsafe-no-fsync: a throwaway test store, fsync only slows it down.
  run etcd --name e2e --data-dir "$D/etcd-data" --unsafe-no-fsync \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "e2e=http://127.0.0.1:$ETCD_PEER_PORT"
  wait_for etcd 30 curl -sf "http://127.0.0.1:$ETCD_PORT/health"

  # --endpoint-reconciler-type=none: Endpoints validation rejects the loopback
  # advertise address. Admission stays default (ServiceAccount on: KCM creates
  # the default ServiceAccounts); no webhooks exist to call.
  run kube-apiserver \
    --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$API_PORT" \
    --cert-dir="$D/apiserver-certs" \
    --tls-cert-file="$P/apiserver.crt" --tls-private-key-file="$P/apiserver.key" \
    --client-ca-file="$P/ca.crt" --authorization-mode=RBAC \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$P/sa.pub" --service-account-signing-key-file="$P/sa.key" \
    --service-cluster-ip-range=10.0.0.0/24 --endpoint-reconciler-type=none \
    --allow-privileged=true
  api=(curl -sf --cacert "$P/ca.crt" --cert "$P/admin.crt" --key "$P/admin.key")
  wait_for kube-apiserver 90 "${api[@]}" "https://127.0.0.1:$API_PORT/readyz"
  log "kube-apiserver ready after $((SECONDS - t0))s"

  # Controllers: namespace deletion, ReplicaSets, GC, default ServiceAccounts,
  # and node-lifecycle (it lifts the not-ready taint off the kwok node).
  # Cloud/route/IPAM controllers are off: there is no cloud, kwok assigns pod IPs.
  # --secure-port=0: no serving port needed, one less port to allocate.
  run kube-controller-manager \
    --kubeconfig="$D/kubeconfig" --leader-elect=false --secure-port=0 --bind-address=127.0.0.1 \
    --controllers='*,-cloud-node-lifecycle,-service-lb-controller,-route,-nodeipam' \
    --service-account-private-key-file="$P/sa.key" --root-ca-file="$P/ca.crt" \
    --cluster-signing-cert-file="$P/ca.crt" --cluster-signing-key-file="$P/ca.key" \
    --use-service-account-credentials=false

  if [[ -n $with_kwok ]]; then
    run kube-scheduler --kubeconfig="$D/kubeconfig" --leader-elect=false --secure-port=0 --bind-address=127.0.0.1
    # --node-ip=127.0.0.1: nothing may ever dial a private-range address. No
    # --server-address/--node-port: kwok then serves no kubelet API (no logs/exec).
    # The fast stages make pods Ready at once; tests that need slow add-ons annotate their pods
    # with pod-ready.stage.kwok.x-k8s.io/delay (e.g. "5s"), as kwok's general stages read it.
    awk '/^  name: pod-ready$/ { ready = 1 }
         { print }
         ready && /^spec:$/ {
           print "  delay:"
           print "    durationMilliseconds: 0"
           print "    durationFrom:"
           print "      expressionFrom: '"'"'.metadata.annotations[\"pod-ready.stage.kwok.x-k8s.io/delay\"]'"'"'"
           ready = 0
         }' "$KWOK_STAGES" >"$D/kwok-stages.yaml"
    run kwok --kubeconfig="$D/kubeconfig" --config="$D/kwok-stages.yaml" \
      --manage-all-nodes=false --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
      --cidr=10.244.0.0/16 --node-ip=127.0.0.1 --node-lease-duration-seconds=40
    kwok_node
  else
    log "kwok not built: no nodes, pods stay Pending (API-only cluster)"
  fi

  # Usable means: pods can be created (default ServiceAccount) and scheduled.
  kubectl=("$D/bin/kubectl" --kubeconfig "$D/kubeconfig")
  wait_for kube-controller-manager 60 "${kubectl[@]}" get serviceaccount default -n default
  if [[ -n $with_kwok ]]; then
    wait_for kwok 60 "${kubectl[@]}" wait --for=condition=Ready node/kwok-node-0 --timeout=1s
    wait_for kube-controller-manager 60 untainted
  fi
  trap - EXIT
  log "control plane ready in $((SECONDS - t0))s: $(tr '\n' ' ' <"$D/ports.env")"
  log "eval \"\$($0 env $D)\""
}

case $CMD in
  start) start ;;
  stop) stop ;;
  env)
    [[ -s $D/kubeconfig ]] || { log "no kubeconfig in $D; run: $0 start $D"; exit 1; }
    echo "export KUBECONFIG=$D/kubeconfig"
    echo "export KUBE_CONFIG_PATH=$D/kubeconfig  # read by the terraform kubernetes/helm providers"
    echo "export PATH=$D/bin:\$PATH  # kubectl $K8S_VERSION, helm $HELM_VERSION"
    ;;
  *) usage ;;
esac
