#!/usr/bin/env bash
# Lints every workflow under .github/workflows with actionlint (pinned), which
# also checks the `with:` keys of `uses: ./` steps against action.yml and, when
# the shellcheck binary is on PATH, the `run:` scripts.
# actionlint is built with `go install` into $(go env GOPATH)/bin (override with
# ACTIONLINT_BIN_DIR) only when it is missing or at another version (measured
# here: 30 s with empty Go caches, 1 s with warm ones), and called by its full
# path, so another actionlint on PATH is never used.
# The shellcheck binary: GitHub's ubuntu runners have it. When it is missing, one
# `apt-get install shellcheck` is tried (6 s here; root or passwordless sudo,
# package lists already present: no `apt-get update`, which is the slow and
# flaky part); if that fails the lint still runs, without it, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTIONLINT_VERSION="1.7.12"

log() { echo "actionlint.sh: $*" >&2; }

go_bin="$(command -v go || true)"
if [ -z "$go_bin" ] && [ -x /usr/local/go/bin/go ]; then go_bin=/usr/local/go/bin/go; fi
bin_dir="${ACTIONLINT_BIN_DIR:-}"
if [ -z "$bin_dir" ]; then
  if [ -z "$go_bin" ]; then log "error: Go is needed to install actionlint (go not on PATH nor at /usr/local/go/bin/go)"; exit 1; fi
  bin_dir="$("$go_bin" env GOPATH)/bin"
fi
actionlint="$bin_dir/actionlint"

have=""
if [ -x "$actionlint" ]; then have="$("$actionlint" -version 2>/dev/null | head -n 1 || true)"; fi
if [ "${have#v}" != "$ACTIONLINT_VERSION" ]; then
  if [ -z "$go_bin" ]; then log "error: Go is needed to install actionlint (go not on PATH nor at /usr/local/go/bin/go)"; exit 1; fi
  log "go install actionlint@v${ACTIONLINT_VERSION} into ${bin_dir} (found: ${have:-none})"
  start=$SECONDS
  rm -f "$actionlint" # go install will not replace a file it did not build
  GOBIN="$bin_dir" "$go_bin" install "github.com/rhysd/actionlint/cmd/actionlint@v${ACTIONLINT_VERSION}"
  have="$("$actionlint" -version | head -n 1)"
  log "installed actionlint ${have} in $((SECONDS - start)) s"
fi

if ! command -v shellcheck >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
  log "shellcheck missing: apt-get install shellcheck"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends shellcheck >/dev/null 2>&1 \
    || log "could not install shellcheck (no root, or the package lists need 'apt-get update')"
fi
if command -v shellcheck >/dev/null 2>&1; then
  log "shellcheck $(shellcheck --version | sed -n 's/^version: //p') checks the run: scripts"
else
  log "warning: shellcheck not found: the run: scripts are not checked (GitHub's runners have it)"
fi

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ "${#workflows[@]}" -eq 0 ]; then log "error: no workflow files under .github/workflows"; exit 1; fi
"$actionlint" "${workflows[@]}"
echo "actionlint ${have#v}: ${#workflows[@]} workflow file(s) pass (${workflows[*]})"
