#!/usr/bin/env bash
# Regenerates the REAL coverage reports in __fixtures__/real/ by running the real
# tools (cargo-llvm-cov + llvm-cov 22, pytest-cov + coverage.py) on
# examples/mixed-project, then writes __fixtures__/real/README.md with the tool
# versions, the commands and the totals read back from the tools' own outputs.
#
# Usage: bash scripts/make-fixtures.sh        (toolchains: bash .ci/install-toolchains.sh)
#
# Absolute paths inside the reports are this machine's path of the example.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
EXAMPLE="$ROOT/examples/mixed-project"
OUT="$ROOT/__fixtures__/real"

export LLVM_COV="${LLVM_COV:-/usr/lib/llvm-22/bin/llvm-cov}"
export LLVM_PROFDATA="${LLVM_PROFDATA:-/usr/lib/llvm-22/bin/llvm-profdata}"
export CARGO_TERM_COLOR=never
unset MIXED_DEMO_PURE COV_CORE_SOURCE COVERAGE_PROCESS_START 2>/dev/null || true

for tool in "$LLVM_COV" "$LLVM_PROFDATA"; do
  [ -x "$tool" ] || { echo "make-fixtures: $tool missing; run: bash .ci/install-toolchains.sh" >&2; exit 1; }
done
cargo llvm-cov --version >/dev/null 2>&1 || { echo "make-fixtures: cargo-llvm-cov missing; run: bash .ci/install-toolchains.sh" >&2; exit 1; }

# A built extension next to the sources changes which Python lines run.
if compgen -G "$EXAMPLE/python/mixed_demo/_native*" >/dev/null; then
  echo "make-fixtures: remove $EXAMPLE/python/mixed_demo/_native* (built by maturin develop) first" >&2
  exit 1
fi

mkdir -p "$OUT"
rm -f "$OUT"/rust.lcov "$OUT"/rust.cobertura.xml "$OUT"/rust-summary.json "$OUT"/rust-report.txt \
  "$OUT"/python.xml "$OUT"/python-branch.xml "$OUT"/python.json "$OUT"/python-branch.json \
  "$OUT"/python-term.txt "$OUT"/python-branch-term.txt "$OUT"/python.lcov

cd "$EXAMPLE"

# --- Rust: one instrumented test run, then one report per format ---------------
echo "make-fixtures: cargo llvm-cov (Rust tests)" >&2
cargo llvm-cov clean --workspace
cargo llvm-cov --no-report --no-default-features
cargo llvm-cov report --lcov --output-path "$OUT/rust.lcov"
cargo llvm-cov report --cobertura --output-path "$OUT/rust.cobertura.xml"
cargo llvm-cov report --json --summary-only --output-path "$OUT/rust-summary.json"
cargo llvm-cov report >"$OUT/rust-report.txt"

# --- Python: plain run (xml, json, lcov, terminal), then a branch run ------------
echo "make-fixtures: pytest --cov (Python tests)" >&2
rm -f .coverage .coverage.*
python3 -m pytest -p no:cacheprovider --cov=mixed_demo --cov-report=term \
  --cov-report="xml:$OUT/python.xml" --cov-report="json:$OUT/python.json" \
  --cov-report="lcov:$OUT/python.lcov" tests/python | tee "$OUT/python-term.txt"
rm -f .coverage .coverage.*
python3 -m pytest -p no:cacheprovider --cov=mixed_demo --cov-branch --cov-report=term \
  --cov-report="xml:$OUT/python-branch.xml" --cov-report="json:$OUT/python-branch.json" \
  tests/python | tee "$OUT/python-branch-term.txt"
rm -f .coverage .coverage.*

# --- README with versions, commands and the tools' own totals -------------------
RUSTC_V="$(rustc --version)" \
RUSTC_LLVM="$(rustc -vV | awk '/^LLVM version/{print $3}')" \
LLVM_COV_V="$("$LLVM_COV" --version | sed -n 's/.*LLVM version \([0-9.]*\).*/\1/p' | head -n 1)" \
CARGO_LLVM_COV_V="$(cargo llvm-cov --version)" \
PYO3_V="$(awk '/^name = "pyo3"$/{getline; print $3}' Cargo.lock | tr -d '"')" \
EXAMPLE="$EXAMPLE" OUT="$OUT" python3 - <<'PY'
import json
import os
import platform
import re
import xml.etree.ElementTree as ET
from importlib.metadata import version

out = os.environ["OUT"]
p = lambda name: os.path.join(out, name)

# Rust lcov: LF/LH sums (llvm-cov's own line figures) and DA-derived counts.
lf = lh = fnf = fnh = fn_records = 0
da_total = da_hit = 0
files = []
with open(p("rust.lcov"), encoding="utf-8") as fh:
    for line in fh:
        line = line.rstrip("\n")
        key, _, val = line.partition(":")
        if key == "SF":
            files.append(val)
        elif key == "LF":
            lf += int(val)
        elif key == "LH":
            lh += int(val)
        elif key == "FNF":
            fnf += int(val)
        elif key == "FNH":
            fnh += int(val)
        elif key == "FN":
            fn_records += 1
        elif key == "DA":
            da_total += 1
            if int(val.split(",")[1]) > 0:
                da_hit += 1

report = open(p("rust-report.txt"), encoding="utf-8").read()
total_line = next(l for l in report.splitlines() if l.startswith("TOTAL"))
cols = total_line.split()
# TOTAL regions missed cover functions missed executed lines missed cover branches missed cover
rust_table = dict(regions=cols[1], regions_missed=cols[2], regions_cover=cols[3],
                  functions=cols[4], functions_missed=cols[5], functions_executed=cols[6],
                  lines=cols[7], lines_missed=cols[8], lines_cover=cols[9])

summary = json.load(open(p("rust-summary.json"), encoding="utf-8"))
totals = summary["data"][0]["totals"]

rcob = ET.parse(p("rust.cobertura.xml")).getroot()

def xml_totals(name):
    root = ET.parse(p(name)).getroot()
    return {k: root.get(k) for k in ("lines-valid", "lines-covered", "line-rate",
                                      "branches-valid", "branches-covered", "branch-rate", "version")}

px, pbx = xml_totals("python.xml"), xml_totals("python-branch.xml")
pj = json.load(open(p("python.json"), encoding="utf-8"))
pbj = json.load(open(p("python-branch.json"), encoding="utf-8"))

def term_total(name):
    text = open(p(name), encoding="utf-8").read()
    return next(l for l in text.splitlines() if l.startswith("TOTAL")).strip()

plf = plh = 0
for line in open(p("python.lcov"), encoding="utf-8"):
    if line.startswith("LF:"):
        plf += int(line[3:])
    elif line.startswith("LH:"):
        plh += int(line[3:])

example = os.environ["EXAMPLE"]
lines_t = totals["lines"]
md = f"""# Real coverage reports (`__fixtures__/real/`)

Made by `bash scripts/make-fixtures.sh` with the real tools on `examples/mixed-project`
(absolute paths inside the reports are the example's path on the machine that made them:
`{example}`). Do not edit by hand: regenerate, then update the tests that use these figures.

## Tool versions

| tool | version |
| --- | --- |
| rustc | {os.environ["RUSTC_V"]} (LLVM {os.environ["RUSTC_LLVM"]}) |
| llvm-cov / llvm-profdata | Debian llvm-22, LLVM {os.environ["LLVM_COV_V"]} (`LLVM_COV`/`LLVM_PROFDATA` = `/usr/lib/llvm-22/bin/...`) |
| cargo-llvm-cov | {os.environ["CARGO_LLVM_COV_V"]} |
| pyo3 | {os.environ["PYO3_V"]} |
| Python | {platform.python_version()} |
| pytest | {version("pytest")} |
| pytest-cov | {version("pytest-cov")} |
| coverage.py | {version("coverage")} |

## Commands (run from `examples/mixed-project`)

```sh
cargo llvm-cov clean --workspace
cargo llvm-cov --no-report --no-default-features
cargo llvm-cov report --lcov --output-path rust.lcov
cargo llvm-cov report --cobertura --output-path rust.cobertura.xml
cargo llvm-cov report --json --summary-only --output-path rust-summary.json
cargo llvm-cov report > rust-report.txt
python3 -m pytest -p no:cacheprovider --cov=mixed_demo --cov-report=term \\
  --cov-report=xml:python.xml --cov-report=json:python.json --cov-report=lcov:python.lcov \\
  tests/python | tee python-term.txt
python3 -m pytest -p no:cacheprovider --cov=mixed_demo --cov-branch --cov-report=term \\
  --cov-report=xml:python-branch.xml --cov-report=json:python-branch.json \\
  tests/python | tee python-branch-term.txt
```

## Files

| file | what |
| --- | --- |
| `rust.lcov` | cargo-llvm-cov lcov (v0-mangled FN names, {fn_records} FN records) |
| `rust.cobertura.xml` | cargo-llvm-cov `--cobertura` (lcov2cobertura: DOCTYPE, timestamp in seconds) |
| `rust-summary.json` | llvm-cov JSON export, `--summary-only` (`data[0].totals`, per-file `summary`) |
| `rust-report.txt` | the plain `cargo llvm-cov report` table (cargo-llvm-cov's own percentages) |
| `python.xml` | coverage.py Cobertura XML, statements only |
| `python-branch.xml` | coverage.py Cobertura XML with `--cov-branch` |
| `python.json` | coverage.py JSON (format {pj["meta"].get("format")}), plain run |
| `python-branch.json` | coverage.py JSON, branch run |
| `python-term.txt` | pytest stdout with the pytest-cov terminal table, plain run |
| `python-branch-term.txt` | pytest stdout with the terminal table, branch run |
| `python.lcov` | coverage.py lcov, plain run |

## Expected totals (read from the tools' own outputs)

### Rust ({len(files)} source files: {", ".join(os.path.relpath(f, example) for f in files)})

- `cargo llvm-cov report` TOTAL line: lines **{rust_table["lines"]}** total, **{rust_table["lines_missed"]}** missed, **{rust_table["lines_cover"]}**;
  regions {rust_table["regions"]} / {rust_table["regions_missed"]} missed = {rust_table["regions_cover"]};
  functions {rust_table["functions"]} / {rust_table["functions_missed"]} missed = {rust_table["functions_executed"]}.
  ```
  {total_line}
  ```
- lcov `LF`/`LH` sums: **LF {lf}, LH {lh}** = {lh / lf * 100:.10f} % (equals the table and the JSON).
- lcov `DA`-derived: **{da_hit} covered of {da_total}** DA lines = {da_hit / da_total * 100:.10f} % (what genhtml / Codecov / `--cobertura` count).
- lcov functions: `FNF` sum {fnf}, `FNH` sum {fnh}; {fn_records} `FN` records (every instantiation / test binary).
- `rust-summary.json` `data[0].totals.lines`: count {lines_t["count"]}, covered {lines_t["covered"]}, percent {lines_t["percent"]!r};
  regions {totals["regions"]["count"]}/{totals["regions"]["covered"]} ({totals["regions"]["percent"]!r});
  functions {totals["functions"]["count"]}/{totals["functions"]["covered"]} ({totals["functions"]["percent"]!r}).
- `rust.cobertura.xml` root: lines-valid {rcob.get("lines-valid")}, lines-covered {rcob.get("lines-covered")}, line-rate {rcob.get("line-rate")} (DA-derived).

### Python (package `mixed_demo`, `python/mixed_demo/*.py`)

- `python.xml` root: lines-valid **{px["lines-valid"]}**, lines-covered **{px["lines-covered"]}**, line-rate {px["line-rate"]}, branches-valid {px["branches-valid"]}, branch-rate {px["branch-rate"]}.
- `python.json` `totals.percent_covered`: **{pj["totals"]["percent_covered"]!r}** (num_statements {pj["totals"]["num_statements"]}, covered_lines {pj["totals"]["covered_lines"]}, missing_lines {pj["totals"]["missing_lines"]}, percent_covered_display "{pj["totals"]["percent_covered_display"]}").
- `python-term.txt` TOTAL row: `{term_total("python-term.txt")}`
- `python.lcov` `LF`/`LH` sums: LF {plf}, LH {plh}.
- `python-branch.xml` root: lines-valid **{pbx["lines-valid"]}**, lines-covered **{pbx["lines-covered"]}**, line-rate {pbx["line-rate"]} (statements only), branches-valid **{pbx["branches-valid"]}**, branches-covered **{pbx["branches-covered"]}**, branch-rate {pbx["branch-rate"]}.
- `python-branch.json` `totals.percent_covered`: **{pbj["totals"]["percent_covered"]!r}** (statements + branches: covered_lines {pbj["totals"]["covered_lines"]} + covered_branches {pbj["totals"]["covered_branches"]} over num_statements {pbj["totals"]["num_statements"]} + num_branches {pbj["totals"]["num_branches"]}; num_partial_branches {pbj["totals"]["num_partial_branches"]}, percent_covered_display "{pbj["totals"]["percent_covered_display"]}").
- `python-branch-term.txt` TOTAL row: `{term_total("python-branch-term.txt")}`
"""
with open(p("README.md"), "w", encoding="utf-8") as fh:
    fh.write(md)
print(f"make-fixtures: Rust lines {lh}/{lf} (table {rust_table['lines_cover']}), DA {da_hit}/{da_total}; "
      f"Python {px['lines-covered']}/{px['lines-valid']} ({pj['totals']['percent_covered']:.4f} %), "
      f"branch run {pbj['totals']['percent_covered']:.4f} %")
PY
echo "make-fixtures: wrote $(ls "$OUT" | wc -l) files to ${OUT#"$ROOT"/}" >&2
