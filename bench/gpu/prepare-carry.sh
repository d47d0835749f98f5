#!/usr/bin/env bash
# Fills bench/gpu/carry/ (ignored by git) with everything device-run.sh needs on a machine with no
# network and no node_modules, about 34 MB in all. Run from the repository root:
#   bash bench/gpu/prepare-carry.sh
# DAWN_PACKAGE: an unpacked copy of the npm package webgpu@0.6.2 (default: `npm pack` it into /tmp).
set -euo pipefail
C=bench/gpu/carry
mkdir -p "$C/wasm" "$C/gl"

node bench/gpu/build.mjs
cp node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm "$C/wasm/"

pkg=${DAWN_PACKAGE:-/tmp/webgpu-0.6.2/package}
if [ ! -f "$pkg/dist/linux-x64/dawn.node" ]; then
  mkdir -p "$(dirname "$pkg")"
  (cd "$(dirname "$pkg")" && npm pack --silent webgpu@0.6.2 && tar xzf webgpu-0.6.2.tgz)
fi
xz -9 -T0 -c "$pkg/dist/linux-x64/dawn.node" >"$C/dawn.node.xz"
xz -9 -T0 -c "$(command -v node)" >"$C/node.xz"

# The Vulkan loader and GL dispatch libraries, as the device README recommends (amd64 packages).
lists=/tmp/amd64-lists
mkdir -p "$lists/partial"
o=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 "-oDir::State::Lists=$lists")
apt-get "${o[@]}" update >/dev/null
(cd "$C/gl" && apt-get "${o[@]}" download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
du -sh "$C"
