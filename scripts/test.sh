#!/usr/bin/env bash
# The whole test suite from a fresh machine: setup, type gate, bundle, unit and
# end-to-end tests (the end-to-end ones on this machine's Node, then on Node 24,
# the runtime action.yml declares). With --ci it also fails when the committed
# dist/ differs from a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
if [ "${1:-}" = "--ci" ]; then bash scripts/actionlint.sh; fi
export LLVM_COV="${LLVM_COV:-/usr/lib/llvm-22/bin/llvm-cov}"
export LLVM_PROFDATA="${LLVM_PROFDATA:-/usr/lib/llvm-22/bin/llvm-profdata}"

npm run lint
npm run format:check
npm run typecheck
npm run build
if [ "${1:-}" = "--ci" ]; then
  if [ -n "$(git status --porcelain -- dist)" ]; then
    echo "dist/ does not match a fresh build of src/: run 'npm run build' and commit dist/ with the change." >&2
    git status --short -- dist >&2
    exit 1
  fi
  echo "dist/ matches a fresh build."
fi
NODE_OPTIONS=--experimental-vm-modules npx jest --ci
# The bundled action again on Node 24, the runtime action.yml declares (the lines above ran it on this machine's Node).
node24="$(bash scripts/node24.sh)"
echo "End-to-end tests again on Node $("$node24/node" --version):"
PATH="$node24:$PATH" NODE_OPTIONS=--experimental-vm-modules npx jest --ci --selectProjects e2e
