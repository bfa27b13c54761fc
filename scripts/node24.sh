#!/usr/bin/env bash
# Prints the bin folder of Node 24 (the runtime action.yml declares, runs.using:
# node24), fetched once from the npm registry's node-linux-<arch> package into
# .cache/ (this machine's own Node is 20). The tests run the bundled action on
# both.
set -euo pipefail
cd "$(dirname "$0")/.."
version=24.21.0
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "no Node $version package for $(uname -m)" >&2; exit 1 ;;
esac
dir=.cache/node-$version-linux-$arch
if [ ! -x "$dir/bin/node" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  tarball=$(cd "$dir" && npm pack --silent "node-linux-$arch@$version")
  tar -xzf "$dir/$tarball" -C "$dir" --strip-components=1
  rm "$dir/$tarball"
fi
"$dir/bin/node" --version >&2
echo "$PWD/$dir/bin"
