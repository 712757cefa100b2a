#!/usr/bin/env bash
# Prints the directory of Debian's PostgreSQL server binaries (initdb, postgres), installing the
# `postgresql` package first when no server is installed, so a fresh Debian machine can run the
# e2e test of Terraform's pg state backend.
#
# It starts nothing: the harness (test/e2e/harness/postgres.ts) runs its own throwaway server
# from this directory, on 127.0.0.1, in a temporary data dir, and stops it by pid.
#
# Usage: scripts/e2e/postgres.sh        -> e.g. /usr/lib/postgresql/15/bin
# Needs root (or password-less sudo) only when it has to install the package.
set -euo pipefail

# Debian keeps each major version side by side in /usr/lib/postgresql/<major>/bin, off the PATH.
# Prints the newest one that has a server.
bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $d/initdb && -x $d/postgres ]]; then echo "$d"; return 0; fi
  done
  return 1
}

bindir && exit 0

echo "postgres.sh: no PostgreSQL server under /usr/lib/postgresql; installing Debian's postgresql package" >&2
as_root=()
if [[ $(id -u) != 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "postgres.sh: installing needs root; run: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi
# apt's progress goes to stderr: stdout carries only the answer.
# NB: Debian's postinst also creates a 'main' cluster (listening on localhost:5432 only); the
# suite never uses it.
"${as_root[@]}" apt-get update -qq >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends postgresql >&2

bindir || { echo "postgres.sh: installed postgresql, but found no initdb under /usr/lib/postgresql/*/bin" >&2; exit 1; }
