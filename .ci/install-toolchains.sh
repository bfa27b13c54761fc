#!/usr/bin/env bash
# Installs, only when missing, the real coverage toolchains that the test suite,
# the example project (examples/mixed-project) and scripts/make-fixtures.sh use:
#   - Debian: llvm-22 (llvm-cov/llvm-profdata matching rustc 1.95's LLVM 22), zip, unzip,
#     chromium (headless, to render the coverage page in __tests__/e2e/page.test.ts; about a minute)
#   - crates.io: cargo-llvm-cov, cargo-nextest (pinned)
#   - PyPI: pytest, pytest-cov, coverage, maturin (pinned; maturin builds the example's extension
#     for the rust-from-python end-to-end test), uv (the example is a uv project: uv.lock, dependency
#     groups dev and test; __tests__/e2e/uv.test.ts runs its Python suite through `uv run`)
# Idempotent: when everything is already there it only checks (well under 2 s).
# Prints one summary line and the LLVM_COV/LLVM_PROFDATA paths cargo-llvm-cov needs.
# Rust (rustup) and Python 3 themselves are expected on the machine already.
set -euo pipefail

CARGO_LLVM_COV_VERSION="0.9.1"
CARGO_NEXTEST_VERSION="0.9.151"
PYTEST_VERSION="9.2.0"
PYTEST_COV_VERSION="7.1.0"
COVERAGE_VERSION="7.17.4"
MATURIN_VERSION="1.16.0"
UV_VERSION="0.13.9"
LLVM_MAJOR="22"
APT_PACKAGES=("llvm-${LLVM_MAJOR}" zip unzip chromium)

LLVM_BIN="/usr/lib/llvm-${LLVM_MAJOR}/bin"
export LLVM_COV="${LLVM_COV:-${LLVM_BIN}/llvm-cov}"
export LLVM_PROFDATA="${LLVM_PROFDATA:-${LLVM_BIN}/llvm-profdata}"

log() { echo "install-toolchains: $*" >&2; }

# cargo installed by rustup may not be on PATH in a non-login shell.
if ! command -v cargo >/dev/null 2>&1 && [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo" ]; then
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi
for tool in cargo rustc python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    log "error: '$tool' is not installed; this script only adds the coverage tools on top of Rust and Python"
    exit 1
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# --- Debian packages -----------------------------------------------------------
missing_apt=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
  if [ "${status:0:2}" != "ii" ]; then missing_apt+=("$pkg"); fi
done
if [ "${#missing_apt[@]}" -gt 0 ]; then
  log "apt-get install ${missing_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >/dev/null
fi
for tool in "$LLVM_COV" "$LLVM_PROFDATA"; do
  if [ ! -x "$tool" ]; then
    log "error: $tool not found after installing llvm-${LLVM_MAJOR}"
    exit 1
  fi
done

# --- cargo-llvm-cov -------------------------------------------------------------
have_cov="$(cargo llvm-cov --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_cov" != "$CARGO_LLVM_COV_VERSION" ]; then
  log "cargo install cargo-llvm-cov@${CARGO_LLVM_COV_VERSION} (found: ${have_cov:-none}; takes a few minutes)"
  cargo install cargo-llvm-cov --locked --version "$CARGO_LLVM_COV_VERSION" --quiet
  have_cov="$(cargo llvm-cov --version | awk '{print $2}')"
fi

# --- cargo-nextest (rust-test-runner: nextest) -------------------------------------
have_nextest="$(cargo nextest --version 2>/dev/null | awk 'NR==1{print $2}' || true)"
if [ "$have_nextest" != "$CARGO_NEXTEST_VERSION" ]; then
  log "cargo install cargo-nextest@${CARGO_NEXTEST_VERSION} (found: ${have_nextest:-none}; takes about 4 minutes)"
  cargo install cargo-nextest --locked --version "$CARGO_NEXTEST_VERSION" --quiet
  have_nextest="$(cargo nextest --version | awk 'NR==1{print $2}')"
fi

# --- pytest, pytest-cov, coverage ------------------------------------------------
py_versions() {
  python3 - <<'PY'
from importlib.metadata import PackageNotFoundError, version
out = []
for name in ("pytest", "pytest-cov", "coverage"):
    try:
        out.append(version(name))
    except PackageNotFoundError:
        out.append("none")
print(" ".join(out))
PY
}
read -r have_pytest have_pytest_cov have_coverage <<<"$(py_versions)"
if [ "$have_pytest" != "$PYTEST_VERSION" ] || [ "$have_pytest_cov" != "$PYTEST_COV_VERSION" ] \
  || [ "$have_coverage" != "$COVERAGE_VERSION" ]; then
  log "pip install pytest==${PYTEST_VERSION} pytest-cov==${PYTEST_COV_VERSION} coverage==${COVERAGE_VERSION}" \
    "(found: ${have_pytest} ${have_pytest_cov} ${have_coverage})"
  python3 -m pip install --quiet --disable-pip-version-check \
    "pytest==${PYTEST_VERSION}" "pytest-cov==${PYTEST_COV_VERSION}" "coverage==${COVERAGE_VERSION}"
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
  read -r have_pytest have_pytest_cov have_coverage <<<"$(py_versions)"
fi

# --- maturin (rust-from-python builds the example's extension with it) ----------
have_maturin="$(python3 -c 'from importlib.metadata import version; print(version("maturin"))' 2>/dev/null || echo none)"
if [ "$have_maturin" != "$MATURIN_VERSION" ]; then
  log "pip install maturin==${MATURIN_VERSION} (found: ${have_maturin})"
  python3 -m pip install --quiet --disable-pip-version-check "maturin==${MATURIN_VERSION}"
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
  have_maturin="$(python3 -c 'from importlib.metadata import version; print(version("maturin"))')"
fi

# --- uv (the example's uv project; python-command-prefix: uv run ...) ----------------
have_uv="$(uv --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_uv" != "$UV_VERSION" ]; then
  log "pip install uv==${UV_VERSION} (found: ${have_uv:-none})"
  python3 -m pip install --quiet --disable-pip-version-check "uv==${UV_VERSION}"
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
  have_uv="$(uv --version | awk '{print $2}')"
fi

# --- summary ----------------------------------------------------------------------
rustc_v="$(rustc --version | awk '{print $2}')"
rustc_llvm="$(rustc -vV | awk '/^LLVM version/{print $3}')"
llvm_v="$("$LLVM_COV" --version | sed -n 's/.*LLVM version \([0-9.]*\).*/\1/p' | head -n 1)"
python_v="$(python3 -c 'import platform; print(platform.python_version())')"
echo "toolchains: rustc ${rustc_v} (LLVM ${rustc_llvm}), llvm-cov ${llvm_v}, cargo-llvm-cov ${have_cov}," \
  "python ${python_v}, pytest ${have_pytest}, pytest-cov ${have_pytest_cov}, coverage ${have_coverage}, maturin ${have_maturin}, uv ${have_uv}, cargo-nextest ${have_nextest}," \
  "zip $(zip -v | sed -n '2s/^This is Zip \([^ ]*\).*/\1/p'), unzip $(unzip -v | sed -n '1s/^UnZip \([^ ]*\).*/\1/p')," \
  "chromium $(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo none)"
echo "LLVM_COV=${LLVM_COV}"
echo "LLVM_PROFDATA=${LLVM_PROFDATA}"
if [ "${rustc_llvm%%.*}" != "${llvm_v%%.*}" ]; then
  log "warning: rustc uses LLVM ${rustc_llvm} but ${LLVM_COV} is LLVM ${llvm_v}; cargo llvm-cov may fail to read the profiles"
fi
