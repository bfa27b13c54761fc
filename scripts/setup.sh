#!/usr/bin/env bash
# Installs what the demo and the tests need, skipping what is already there:
# Node dependencies (npm ci) and the real toolchains (llvm-22, cargo-llvm-cov,
# cargo-nextest, pytest + pytest-cov, maturin, uv, zip/unzip, chromium for the
# coverage page test).
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/install-toolchains.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
