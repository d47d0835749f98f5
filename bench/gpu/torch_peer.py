"""Native peer for gpu-bench: the studio's default MLP trained in PyTorch on the same matrices.

gpu-bench.mjs --export DIR writes each prepared dataset (the studio's own recipe, split and
scaling) as raw float32; this script trains the same network on them:
Dense(64, relu) -> Dropout(0.2) -> Dense(32, relu) -> Dense(1, sigmoid), binary cross-entropy,
Adam(lr 1e-3), Glorot-uniform kernels and zero biases as tfjs initialises them.

Two loops per batch size, as in gpu-bench:
  engine: per epoch a seeded shuffle (a gather of the rows), the minibatches, then the
          validation loss and accuracy, like the studio's trainModel;
  bare:   the minibatches in order, no validation, like a bare model.fit.
Every epoch ends with a host read of the loss, so the timings include the GPU work.

  python3 torch_peer.py --data DIR [--devices cuda,cpu,cpu1] [--json FILE] [--quick]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

PLANS = {
    # dataset name prefix -> (batch sizes, warm-up epochs, timed epochs)
    "GermanCredit": ((32, 256, 1024), 2, 5),
    "Synthetic": ((256, 1024, 4096), 1, 3),
}


def load(data: Path, name: str, part: str, meta: dict) -> tuple[torch.Tensor, torch.Tensor]:
    rows, width, target_width = (meta[part][k] for k in ("rows", "width", "targetWidth"))
    x = np.fromfile(data / f"{name}.{part}.x.f32", dtype="<f4").reshape(rows, width)
    y = np.fromfile(data / f"{name}.{part}.y.f32", dtype="<f4").reshape(rows, target_width)
    return torch.from_numpy(x.copy()), torch.from_numpy(y.copy())


def build(width: int, layers: list[dict], seed: int) -> nn.Sequential:
    torch.manual_seed(seed)
    modules: list[nn.Module] = []
    last = width
    for layer in layers:
        if layer["type"] == "dense":
            assert layer["activation"] == "relu", layer
            modules += [nn.Linear(last, layer["units"]), nn.ReLU()]
            last = layer["units"]
        else:
            modules.append(nn.Dropout(layer["rate"]))
    modules += [nn.Linear(last, 1), nn.Sigmoid()]
    model = nn.Sequential(*modules)
    for m in model:
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return model


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def train_epoch(model, opt, loss_fn, x, y, batch: int, order: torch.Tensor | None) -> float:
    model.train()
    if order is not None:
        x, y = x[order], y[order]
    total = torch.zeros((), device=x.device)
    for start in range(0, x.shape[0], batch):
        xb, yb = x[start : start + batch], y[start : start + batch]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.detach() * xb.shape[0]
    return (total / x.shape[0]).item()


@torch.no_grad()
def validate(model, loss_fn, x, y, batch: int) -> tuple[float, float]:
    """Validation loss and accuracy, as tfjs' fit computes them after each epoch."""
    model.eval()
    total = torch.zeros((), device=x.device)
    correct = torch.zeros((), device=x.device)
    for start in range(0, x.shape[0], batch):
        p, t = model(x[start : start + batch]), y[start : start + batch]
        total += loss_fn(p, t) * t.shape[0]
        correct += ((p > 0.5).float() == t).sum()
    n = max(1, x.shape[0])
    return (total / n).item(), (correct / n).item()


def run(meta: dict, data: Path, device: torch.device, label: str, quick: bool) -> list[dict]:
    name = meta["name"]
    batches, warm, timed = next(v for k, v in PLANS.items() if name.startswith(k))
    if quick:
        timed = 1
    x, y = (t.to(device) for t in load(data, name, "train", meta))
    vx, vy = (t.to(device) for t in load(data, name, "validation", meta))
    rows, width = x.shape
    layers = meta["model"]["layers"]
    rows_out = []
    for batch in batches:
        loss_fn = nn.BCELoss()
        # engine-like: shuffle + fit + validation per epoch
        model = build(width, layers, 42).to(device)
        opt = torch.optim.Adam(model.parameters(), lr=meta["learningRate"], eps=1e-7)
        gen = torch.Generator(device=device).manual_seed(42)
        rates, first_epoch_s, loss, acc = [], None, float("nan"), float("nan")
        started = time.perf_counter()
        for epoch in range(warm + timed):
            sync(device)
            t0 = time.perf_counter()
            order = torch.randperm(rows, device=device, generator=gen)
            loss = train_epoch(model, opt, loss_fn, x, y, batch, order)
            _, acc = validate(model, loss_fn, vx, vy, batch)
            sync(device)
            elapsed = time.perf_counter() - t0
            if epoch == 0:
                first_epoch_s = time.perf_counter() - started
            if epoch >= warm:
                rates.append(rows / elapsed)
        # bare: in-order minibatches, no validation
        model = build(width, layers, 42).to(device)
        opt = torch.optim.Adam(model.parameters(), lr=meta["learningRate"], eps=1e-7)
        for _ in range(warm):
            train_epoch(model, opt, loss_fn, x, y, batch, None)
        sync(device)
        t0 = time.perf_counter()
        for _ in range(timed):
            train_epoch(model, opt, loss_fn, x, y, batch, None)
        sync(device)
        bare = rows * timed / (time.perf_counter() - t0)
        row = {
            "dataset": name,
            "trainRows": rows,
            "width": width,
            "batch": batch,
            "backend": label,
            "engine": statistics.median(rates),
            "bareFit": bare,
            "firstEpochS": first_epoch_s,
            "finalLoss": loss,
            "valAccuracy": acc,
            "leakedTensors": None,
            "error": None,
        }
        print("ROW", json.dumps(row), flush=True)
        rows_out.append(row)
    return rows_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--devices", default="cuda,cpu,cpu1")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    metas = [json.loads(p.read_text()) for p in sorted(args.data.glob("*.json"))]
    print(f"# torch {torch.__version__}, CUDA {torch.version.cuda}", flush=True)
    if torch.cuda.is_available():
        print(f"# CUDA device: {torch.cuda.get_device_name(0)}", flush=True)
    default_threads = torch.get_num_threads()
    results: list[dict] = []
    for spec in args.devices.split(","):
        if spec == "cuda" and not torch.cuda.is_available():
            print("# cuda: not available, skipped", flush=True)
            continue
        threads = 1 if spec == "cpu1" else default_threads
        torch.set_num_threads(threads)
        device = torch.device("cuda" if spec == "cuda" else "cpu")
        label = "torch cuda" if spec == "cuda" else f"torch cpu {threads} thr"
        for meta in metas:
            results.extend(run(meta, args.data, device, label, args.quick))
    torch.set_num_threads(default_threads)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
