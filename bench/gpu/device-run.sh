#!/usr/bin/env bash
# Runs the GPU benchmark on a bare Linux GPU machine with no network, from the repository root:
#   bash bench/gpu/device-run.sh
# It needs bench/gpu/carry/ (made by bench/gpu/prepare-carry.sh): the bundle gpu-bench.mjs, the
# WASM binaries, node.xz (Node 20), dawn.node.xz (Dawn from the npm package webgpu) and gl/*.deb
# (Vulkan loader), and python3 with PyTorch for the native peer. Writes logs and JSON to $OUT.
# STEPS picks what runs after the setup (default "parallel torch", about 5 minutes on an H100):
#   trace     WebGPU on GermanCredit with every Dawn call counted and timed (DAWN_TRACE=1), with
#             tfjs' default flags and with WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE=1000
#   dispatch  dispatch-bench.mjs (Dawn alone, no tfjs), plain and with the Dawn toggles in TOGGLES
#   toggles   the traced WebGPU GermanCredit run with the Dawn toggles in TOGGLES
#   tfjs      every backend in BACKENDS (default webgpu,wasm,cpu), one after the other
#   parallel  WebGPU in one process while WASM then CPU run in another (saves about half the
#             time; each is single-threaded on a 16-core machine, so they barely meet)
#   torch     the PyTorch peer on TORCH_DEVICES (default cuda,cpu,cpu1)
# BENCH_ARGS and TORCH_ARGS add options (e.g. BENCH_ARGS='--quick --rows 20000' TORCH_ARGS=--quick).
set -u
C=bench/gpu/carry
W=/tmp/gpubench
OUT=${OUT:-$W/out}
mkdir -p "$W" "$OUT"
exec > >(tee "$OUT/device.log") 2>&1
section() { printf '\n=== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

section machine
date -u +%Y-%m-%dT%H:%MZ
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
echo "kernel $(uname -r), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "node already here: $(command -v node || echo none) $(node --version 2>/dev/null)"
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)'

section vulkan loader and driver
if ! ldconfig -p | grep -q 'libvulkan.so.1'; then
  echo 'no libvulkan.so.1: unpacking the carried loader packages'
  for f in "$C"/gl/*.deb; do dpkg -x "$f" /; done
  ldconfig
fi
ldconfig -p | grep -E 'libvulkan.so.1|libGLX_nvidia.so.0' || true
for f in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json \
  /etc/vulkan/icd.d/nvidia_icd.json; do
  if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$f" ]; then export VK_DRIVER_FILES=$f; fi
done
echo "VK_DRIVER_FILES=${VK_DRIVER_FILES:-unset}"
[ -n "${VK_DRIVER_FILES:-}" ] && tr -d '\n ' <"$VK_DRIVER_FILES" && echo
[ -f /usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json ] &&
  export __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do
  [ -d "$d" ] && export LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$d
done
export XDG_RUNTIME_DIR=$W

section node and dawn
unxz_to() { # xz may be missing on a bare image; Python's lzma reads the same files
  if command -v xz >/dev/null; then xz -dc "$1" >"$2"; else
    python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2"
  fi
}
unxz_to "$C/node.xz" "$W/node" && chmod +x "$W/node"
unxz_to "$C/dawn.node.xz" "$W/dawn.node"
export DAWN_NODE=$W/dawn.node
NODE=$W/node
echo "node $($NODE --version)"
probe=$(timeout 60 "$NODE" bench/gpu/probe-dawn.mjs 2>&1)
echo "$probe"
if ! grep -q 'requestDevice: ok' <<<"$probe"; then
  echo 'Dawn found no usable adapter; the Vulkan loader says:'
  VK_LOADER_DEBUG=error,warn,driver timeout 60 "$NODE" bench/gpu/probe-dawn.mjs 2>&1 | head -60
fi

section export matrices
timeout 120 "$NODE" "$C/gpu-bench.mjs" --export "$W/data" --export-only ${BENCH_ARGS:-}

bench() { # bench NAME BACKENDS [options…]: one tfjs process, rows saved to $OUT/NAME.json
  local name=$1 backends=$2
  shift 2
  timeout "${TFJS_TIMEOUT:-420}" "$NODE" "$C/gpu-bench.mjs" --wasm-dir "$C/wasm" \
    --backends "$backends" --json "$OUT/$name.json" ${BENCH_ARGS:-} "$@"
  echo "$name: exit $?"
}

# GPU utilisation twice a second: shows whether WebGPU work reaches the GPU.
nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used,clocks.sm --format=csv -lms 500 \
  >"$OUT/gpu-util.csv" 2>/dev/null &
sampler=$!

toggles=${TOGGLES:-enable-dawn-features=skip_validation,disable_robustness disable-dawn-features=lazy_clear_resource_on_first_use}
for step in ${STEPS:-parallel torch}; do
  section "$step"
  case $step in
    trace)
      DAWN_TRACE=1 bench trace-default webgpu --datasets GermanCredit --quick --label ' traced'
      DAWN_TRACE=1 bench trace-submit1000 webgpu --datasets GermanCredit --quick \
        --tf-flags WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE=1000 --label ' traced, submit/1000'
      ;;
    dispatch)
      timeout 120 "$NODE" bench/gpu/dispatch-bench.mjs
      DAWN_FLAGS=$toggles timeout 120 "$NODE" bench/gpu/dispatch-bench.mjs
      ;;
    toggles)
      DAWN_FLAGS=$toggles DAWN_TRACE=1 bench trace-toggles webgpu --datasets GermanCredit --quick \
        --label ' traced, Dawn toggles'
      ;;
    tfjs) bench tfjs "${BACKENDS:-webgpu,wasm,cpu}" ;;
    parallel)
      bench tfjs-webgpu webgpu >"$W/webgpu.log" 2>&1 &
      gpu_run=$!
      bench tfjs-cpu wasm,cpu
      wait "$gpu_run"
      echo '--- the WebGPU process:'
      cat "$W/webgpu.log"
      ;;
    torch)
      PYTHONUNBUFFERED=1 timeout "${TORCH_TIMEOUT:-150}" python3 bench/gpu/torch_peer.py \
        --data "$W/data" --devices "${TORCH_DEVICES:-cuda,cpu,cpu1}" --json "$OUT/torch.json" \
        ${TORCH_ARGS:-}
      echo "torch: exit $?"
      ;;
    *) echo "unknown step $step" ;;
  esac
done
kill "$sampler" 2>/dev/null

section all results
tables=$(ls "$OUT"/*.json 2>/dev/null | paste -sd,)
[ -n "$tables" ] && "$NODE" "$C/gpu-bench.mjs" --table "$tables" | tee "$OUT/table.md"
