"""Trains the Model Studio recipe's network with PyTorch, on one process or many (torchrun).

    torchrun --standalone --nproc_per_node=4 train.py --data your.csv
    python3 train.py --data your.csv            # one process, no torchrun needed

Every process reads the CSV and prepares it the same way (prepare.py); DistributedSampler gives
each its own share of the training rows and DistributedDataParallel averages the gradients, so
the processes keep one model. Rank 0 logs, checkpoints, and prints the test metrics as JSON.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.distributed as dist
from torch.nn import functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from network import Net
from prepare import Mulberry32, PrepareError, prepare_training, read_csv, shuffle

HERE = os.path.dirname(os.path.abspath(__file__))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="CSV with the raw columns the recipe names")
    parser.add_argument("--recipe", default=os.path.join(HERE, "recipe.json"))
    parser.add_argument("--network", default=os.path.join(HERE, "network.json"))
    parser.add_argument("--refit", action="store_true", help="fit the preparation steps afresh on this file's training rows instead of using the statistics fitted in the studio")
    parser.add_argument("--epochs", type=int, help="default: the recipe's; 0 evaluates the starting weights")
    parser.add_argument("--batch-size", type=int, help="rows per step over all processes together (default: the recipe's)")
    parser.add_argument("--learning-rate", type=float, help="default: the recipe's")
    parser.add_argument("--from-browser", action="store_true", help="start from the weights trained in the studio (browser-model/), not from fresh ones")
    parser.add_argument("--out", default="runs", help="folder for checkpoints, the final model and metrics.json")
    parser.add_argument("--resume", action="store_true", help="go on from the last checkpoint in --out")
    return parser.parse_args()


class Processes:
    """This process's place among those torchrun started (one process without torchrun)."""

    def __init__(self) -> None:
        self.distributed = "RANK" in os.environ and "WORLD_SIZE" in os.environ
        cuda = torch.cuda.is_available()
        if self.distributed:
            dist.init_process_group("nccl" if cuda else "gloo")
            self.rank, self.world = dist.get_rank(), dist.get_world_size()
            local = int(os.environ.get("LOCAL_RANK", 0))
        else:
            self.rank, self.world, local = 0, 1, 0
        self.device = torch.device(f"cuda:{local}" if cuda else "cpu")
        if cuda:
            torch.cuda.set_device(self.device)

    def log(self, message: str, every_rank: bool = False) -> None:
        if every_rank or self.rank == 0:
            print(f"[rank {self.rank}/{self.world}] {message}", flush=True)

    def total(self, *values: float) -> list[float]:
        """Sums over every process."""
        tensor = torch.tensor(values, dtype=torch.float64, device=self.device)
        if self.distributed:
            dist.all_reduce(tensor)
        return tensor.tolist()

    def largest(self, value: float) -> float:
        tensor = torch.tensor([value], dtype=torch.float64, device=self.device)
        if self.distributed:
            dist.all_reduce(tensor, op=dist.ReduceOp.MAX)
        return tensor.item()


def row_losses(head: str, recipe: dict, out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The studio's loss per row: cross-entropy for classes, the chosen error for numbers."""
    if head == "sigmoid":
        return F.binary_cross_entropy_with_logits(out[:, 0], y.float(), reduction="none")
    if head == "softmax":
        return F.cross_entropy(out, y, reduction="none")
    loss = recipe["model"]["regressionLoss"]
    if loss == "meanAbsoluteError":
        return (out[:, 0] - y).abs()
    if loss == "huber":
        return F.huber_loss(out[:, 0], y, reduction="none", delta=recipe["model"]["huberDelta"])
    return (out[:, 0] - y) ** 2


def create_optimizer(training: dict, parameters, rate: float) -> torch.optim.Optimizer:
    """The studio's optimisers with Keras' defaults (epsilon 1e-7, RMSprop rho 0.9, Adadelta 0.95)."""
    name = training["optimizer"]
    if name == "adam":
        return torch.optim.Adam(parameters, lr=rate, eps=1e-7)
    if name == "sgd":
        momentum = training.get("momentum", 0.9)
        return torch.optim.SGD(parameters, lr=rate, momentum=momentum, nesterov=bool(training.get("nesterov")) and momentum > 0)
    if name == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=rate, alpha=0.9, eps=1e-7)
    if name == "adagrad":
        return torch.optim.Adagrad(parameters, lr=rate, initial_accumulator_value=0.1, eps=1e-7)
    if name == "adadelta":
        return torch.optim.Adadelta(parameters, lr=rate, rho=0.95, eps=1e-7)
    if name == "adamax":
        return torch.optim.Adamax(parameters, lr=rate, eps=1e-7)
    raise ValueError(f"Unknown optimiser {name!r}.")


def create_schedule(training: dict, optimizer: torch.optim.Optimizer):
    schedule = training.get("schedule") or {"kind": "constant"}
    kind = schedule["kind"]
    if kind == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, step_size=schedule["every"], gamma=schedule["factor"])
    if kind == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=schedule["decay"])
    if kind == "plateau":
        # Keras reduces once `patience` epochs have not improved; PyTorch once more than `patience`.
        return torch.optim.lr_scheduler.ReduceLROnPlateau(
            optimizer, factor=schedule["factor"], patience=schedule["patience"] - 1, threshold=schedule["minDelta"], threshold_mode="abs", min_lr=schedule["minLearningRate"]
        )
    return None


def validation_rows(training: dict, data, seed: int):
    """The studio's validation source: the split's part, a seeded share of training rows, or none."""
    source = training.get("validation", "split")
    if source == "none":
        return data.x["train"], data.y["train"], None
    if source == "split":
        held = (data.x["validation"], data.y["validation"]) if len(data.y["validation"]) else None
        return data.x["train"], data.y["train"], held
    rows = len(data.y["train"])
    share = training.get("validationShare", 0.2)
    held = min(rows - 1, max(1, rows - math.floor(rows * (1 - share))))
    order = list(range(rows))
    shuffle(order, Mulberry32(seed ^ 0x7A11D))
    kept, out = sorted(order[: rows - held]), sorted(order[rows - held :])
    x, y = data.x["train"], data.y["train"]
    return x[kept], y[kept], (x[out], y[out])


def mean_loss(model, head, recipe, x, y, weights, processes: Processes) -> float:
    """Mean loss over rows shared out among the processes (each evaluates its own slice)."""
    model.eval()
    with torch.no_grad():
        rows = slice(processes.rank, None, processes.world)
        xs = torch.from_numpy(x[rows]).to(processes.device)
        ys = torch.from_numpy(y[rows]).to(processes.device)
        total, count = 0.0, len(ys)
        if count:
            losses = row_losses(head, recipe, model(xs), ys)
            if weights is not None:
                losses = losses * weights[ys]
            total = losses.sum().item()
    total, count = processes.total(total, count)
    return total / max(count, 1)


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """ROC AUC by ranks, ties sharing their average rank (the Mann-Whitney statistic)."""
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def test_metrics(model, head, recipe, x, y, device) -> dict:
    model.eval()
    with torch.no_grad():
        out = model.probabilities(torch.from_numpy(x).to(device)).cpu().numpy().astype(np.float64)
    if head == "linear":
        scale = recipe["target"]["scale"]
        predicted = out[:, 0] * scale["std"] + scale["mean"]
        actual = y.astype(np.float64) * scale["std"] + scale["mean"]
        errors = predicted - actual
        spread = ((actual - actual.mean()) ** 2).sum()
        return {
            "rmse": float(np.sqrt((errors**2).mean())),
            "mae": float(np.abs(errors).mean()),
            "r2": float(1 - (errors**2).sum() / spread) if spread > 0 else float("nan"),
            "rows": len(y),
        }
    if head == "sigmoid":
        probability = out[:, 0]
        return {
            "auc": auc(probability, y == 1),
            "accuracy": float(((probability >= 0.5) == (y == 1)).mean()),
            "logLoss": float(-np.mean(np.log(np.clip(np.where(y == 1, probability, 1 - probability), 1e-7, 1)))),
            "positiveClass": recipe["target"]["classes"][1],
            "rows": len(y),
        }
    aucs = [auc(out[:, k], y == k) for k in range(out.shape[1])]
    aucs = [a for a in aucs if not math.isnan(a)]
    return {
        "accuracy": float((out.argmax(axis=1) == y).mean()),
        "auc": float(np.mean(aucs)) if aucs else float("nan"),
        "logLoss": float(-np.mean(np.log(np.clip(out[np.arange(len(y)), y], 1e-7, 1)))),
        "rows": len(y),
    }


def main() -> None:
    args = arguments()
    processes = Processes()
    with open(args.recipe, encoding="utf-8") as handle:
        recipe = json.load(handle)
    training = dict(recipe["training"])
    seed = training.get("seed", recipe["seed"])
    epochs = args.epochs if args.epochs is not None else training["epochs"]
    batch = args.batch_size or training["batchSize"]
    rate = args.learning_rate or training["learningRate"]

    try:
        data = prepare_training(recipe, read_csv(args.data, recipe["source"]["columns"]), refit=args.refit)
    except PrepareError as error:
        processes.log(f"Cannot prepare {args.data}: {error}")
        sys.exit(2)
    recipe = data.recipe
    x_train, y_train, held = validation_rows(training, data, seed)
    head = {"binary": "sigmoid", "multiclass": "softmax", "regression": "linear"}[recipe["target"]["task"]]

    torch.manual_seed(seed)
    with open(args.network, encoding="utf-8") as handle:
        net = Net(json.load(handle))
    if int(np.prod(net.input_shape)) != len(recipe["features"]):
        # --refit on other data may find other categories, so another number of inputs.
        processes.log(f"The preparation gives {len(recipe['features'])} inputs per row, but the network was built for {net.input_shape}: run without --refit, or rebuild the network in the studio on this data.")
        sys.exit(2)
    if args.from_browser:
        net.load_browser_weights(os.path.join(HERE, "browser-model"))
        processes.log("Starting from the weights trained in the studio.")
    net.to(processes.device)
    # DistributedDataParallel copies rank 0's weights to every process, then averages gradients.
    model = DistributedDataParallel(net) if processes.distributed else net
    optimizer = create_optimizer(training, net.parameters(), rate)
    schedule = create_schedule(training, optimizer)
    # Class weights as the studio applies them: each row's loss times its class's weight, then
    # the mean over the batch (Keras' sample weights), not an approximation such as pos_weight.
    weights = None
    if data.class_weights is not None:
        weights = torch.tensor(data.class_weights, dtype=torch.float32, device=processes.device)

    # The recipe's batch size is the step over all processes, so the learning rate keeps its meaning.
    per_process = max(1, math.ceil(batch / processes.world))
    dataset = TensorDataset(torch.from_numpy(x_train), torch.from_numpy(y_train))
    sampler = DistributedSampler(dataset, num_replicas=processes.world, rank=processes.rank, shuffle=True, seed=seed)
    loader = DataLoader(dataset, batch_size=per_process, sampler=sampler)
    processes.log(
        f"ready: world size {processes.world}, backend {dist.get_backend() if processes.distributed else 'none'}, "
        f"{len(sampler)} of {len(dataset)} training rows, {len(loader)} steps of {per_process} rows per epoch",
        every_rank=True,
    )

    os.makedirs(args.out, exist_ok=True)
    checkpoint_path = os.path.join(args.out, "checkpoint.pt")
    start, best, best_epoch, wait, best_state, history = 0, math.inf, 0, 0, None, []
    if args.resume and os.path.exists(checkpoint_path):
        saved = torch.load(checkpoint_path, map_location=processes.device)
        net.load_state_dict(saved["model"])
        optimizer.load_state_dict(saved["optimizer"])
        start, best, best_epoch, wait, history = saved["epoch"], saved["best"], saved["best_epoch"], saved["wait"], saved["history"]
        best_state = saved.get("best_state")
        processes.log(f"Resumed after epoch {start}.")
    early = training.get("earlyStopping")

    for epoch in range(start, epochs):
        sampler.set_epoch(epoch)
        model.train()
        started = time.perf_counter()
        total, count = 0.0, 0
        for xb, yb in loader:
            xb, yb = xb.to(processes.device), yb.to(processes.device)
            optimizer.zero_grad()
            losses = row_losses(head, recipe, model(xb), yb)
            if weights is not None:
                losses = losses * weights[yb]
            loss = losses.mean() + net.penalty().to(processes.device)
            loss.backward()
            optimizer.step()
            total += losses.sum().item()
            count += len(yb)
        seconds = processes.largest(time.perf_counter() - started)
        total, count = processes.total(total, count)
        entry = {"epoch": epoch + 1, "loss": total / max(count, 1), "seconds": seconds}
        if held is not None:
            # Unweighted, as Keras and the studio compute it: class weights only shape training.
            entry["val_loss"] = mean_loss(net, head, recipe, held[0], held[1], None, processes)
        history.append(entry)
        monitored = entry.get("val_loss", entry["loss"])
        if schedule is not None:
            schedule.step(monitored) if isinstance(schedule, torch.optim.lr_scheduler.ReduceLROnPlateau) else schedule.step()
        shown = ", ".join(f"{k} {v:.4f}" for k, v in entry.items() if k not in ("epoch", "seconds"))
        processes.log(f"epoch {epoch + 1}/{epochs}: {shown} ({seconds:.3f} s on each of {processes.world} processes)")
        stop = False
        if early:
            if monitored < best - early["minDelta"]:
                best, best_epoch, wait = monitored, epoch + 1, 0
                if early["restoreBestWeights"]:
                    best_state = copy.deepcopy(net.state_dict())
            else:
                wait += 1
                stop = wait >= early["patience"]
        if processes.rank == 0:
            state = {"model": net.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch + 1, "best": best, "best_epoch": best_epoch, "wait": wait, "history": history, "best_state": best_state}
            torch.save(state, checkpoint_path + ".tmp")
            os.replace(checkpoint_path + ".tmp", checkpoint_path)
        if stop:
            processes.log(f"Early stopping: no improvement for {early['patience']} epochs.")
            break

    if best_state is not None:
        net.load_state_dict(best_state)
        processes.log(f"Restored the weights of epoch {best_epoch}, the best.")
    if processes.rank == 0:
        torch.save(net.state_dict(), os.path.join(args.out, "model.pt"))
        metrics = test_metrics(net, head, recipe, data.x["test"], data.y["test"], processes.device)
        result = {"test": metrics, "worldSize": processes.world, "epochs": history, "testRows": data.rows["test"].tolist(), "classWeights": data.class_weights}
        with open(os.path.join(args.out, "metrics.json"), "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2)
        processes.log("test metrics:")
        print(json.dumps({"test": metrics, "worldSize": processes.world}), flush=True)
    if processes.distributed:
        # No barrier first: torchrun waits for every process anyway, and on a loaded machine a
        # last collective call is one more place for a process to wait on a peer.
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
