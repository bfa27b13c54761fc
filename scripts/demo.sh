#!/usr/bin/env bash
# Runs the bundled action end to end on examples/mixed-project with the real
# toolchains (cargo-llvm-cov + pytest-cov), exactly as the runner would start
# it: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY. Prints the job
# summary and the outputs. Reports land in examples/mixed-project/target/coverage.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
[ -f dist/index.js ] || npm run build
export LLVM_COV="${LLVM_COV:-/usr/lib/llvm-22/bin/llvm-cov}"
export LLVM_PROFDATA="${LLVM_PROFDATA:-/usr/lib/llvm-22/bin/llvm-profdata}"
tmp="$(mktemp -d)"
: > "$tmp/output"; : > "$tmp/summary"
env GITHUB_ACTIONS=true GITHUB_WORKSPACE="$PWD" GITHUB_OUTPUT="$tmp/output" GITHUB_STEP_SUMMARY="$tmp/summary" \
  GITHUB_REPOSITORY=example/mixed-project GITHUB_RUN_ID=1 RUNNER_TEMP="$tmp" \
  "INPUT_MATRIX-VALUE=3.12" "INPUT_COVERAGE-ON=3.12" \
  "INPUT_WORKING-DIRECTORY=examples/mixed-project" \
  "INPUT_PYTHON-PACKAGE=mixed_demo" "INPUT_PYTHON-TESTS=tests/python" \
  "INPUT_RUST-MIN-LINES=70" "INPUT_PYTHON-MIN-LINES=60" "INPUT_RUST-COBERTURA=true" \
  "INPUT_NON-BLOCKING=true" \
  node dist/index.js
echo; echo "===== job summary ($tmp/summary) ====="; cat "$tmp/summary"
echo; echo "===== outputs ====="; grep -v '^ghadelimiter_' "$tmp/output" | paste - - | sed 's/<<ghadelimiter_[^\t]*\t/ = /'
echo; echo "===== reports ====="; ls -l examples/mixed-project/target/coverage
