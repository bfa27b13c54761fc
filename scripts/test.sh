#!/usr/bin/env bash
# The whole test suite from a fresh machine: setup, type gate, bundle, unit and
# end-to-end tests. With --ci it also fails when the committed dist/ differs
# from a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
export LLVM_COV="${LLVM_COV:-/usr/lib/llvm-22/bin/llvm-cov}"
export LLVM_PROFDATA="${LLVM_PROFDATA:-/usr/lib/llvm-22/bin/llvm-profdata}"

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
