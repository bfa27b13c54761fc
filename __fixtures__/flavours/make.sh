#!/usr/bin/env bash
# Regenerates the Cobertura/lcov flavour fixtures with the real tools:
# gcovr (C, gcc --coverage) and istanbul through c8 (JavaScript).
# Needs gcc, python3 and npm; installs gcovr and c8 into a scratch folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv" && "$scratch/venv/bin/pip" install -q 'gcovr==8.8'
(cd "$scratch" && npm install --silent --no-save c8@12.0.0 >/dev/null)

# gcovr: build with coverage, run, report (its own summary goes to gcovr-summary.txt).
mkdir -p "$scratch/c" && cp "$here/src/stats.c" "$scratch/c/"
(cd "$scratch/c" && gcc --coverage -O0 -o stats stats.c && ./stats >/dev/null)
(cd "$scratch/c" && "$scratch/venv/bin/gcovr" --root . --cobertura-pretty --cobertura gcovr.xml --lcov gcovr.lcov --txt gcovr-table.txt --txt-summary > gcovr-summary.txt)
cp "$scratch/c/gcovr.xml" "$scratch/c/gcovr.lcov" "$scratch/c/gcovr-table.txt" "$scratch/c/gcovr-summary.txt" "$here/"

# istanbul via c8: run, report cobertura + lcov + json-summary (its own totals).
mkdir -p "$scratch/js" && cp "$here/src/stats.js" "$scratch/js/stats.mjs"
(cd "$scratch/js" && "$scratch/node_modules/.bin/c8" --reporter=cobertura --reporter=lcovonly --reporter=json-summary --reports-dir=out node stats.mjs >/dev/null)
cp "$scratch/js/out/cobertura-coverage.xml" "$here/istanbul.xml"
cp "$scratch/js/out/lcov.info" "$here/istanbul.lcov"
cp "$scratch/js/out/coverage-summary.json" "$here/istanbul-summary.json"
echo "gcovr $("$scratch/venv/bin/gcovr" --version | head -1 | awk '{print $2}'), c8 12.0.0, gcc $(gcc -dumpfullversion), node $(node --version)" > "$here/VERSIONS"
