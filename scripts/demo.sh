#!/usr/bin/env bash
# Runs the bundled action end to end on examples/mixed-project with the real
# toolchains (cargo-llvm-cov + pytest-cov), exactly as the runner would start
# it (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), uploading to a
# local artifacts v4 service; prints the summary and outputs, then downloads the
# artifacts back into examples/mixed-project/target/demo-artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
[ -f dist/index.js ] || npm run build
export LLVM_COV="${LLVM_COV:-/usr/lib/llvm-22/bin/llvm-cov}"
export LLVM_PROFDATA="${LLVM_PROFDATA:-/usr/lib/llvm-22/bin/llvm-profdata}"
npx tsx scripts/demo.ts
