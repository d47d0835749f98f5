"""Native peer for `npm run bench`: the studio's default MLP trained by PyTorch on the CPU.

Same shapes as the browser benchmark (rows x features, batch 32, Adam lr 1e-3, dense 64 relu,
dropout 0.2, dense 32 relu, dense 1 sigmoid, binary cross-entropy, validation loss and accuracy
read after every epoch) on random data of that shape: the speed does not depend on the values.
Prints one JSON object. Run with Debian's /usr/bin/python3 (python3-torch).
"""

import argparse
import json
import statistics
import time

import torch
from torch import nn


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=800)
    parser.add_argument("--validation", type=int, default=100)
    parser.add_argument("--features", type=int, default=61)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    x = torch.randn(args.rows, args.features)
    y = (torch.rand(args.rows, 1) < 0.3).float()
    vx = torch.randn(args.validation, args.features)
    vy = (torch.rand(args.validation, 1) < 0.3).float()

    def run(epochs: int) -> float:
        model = nn.Sequential(
            nn.Linear(args.features, 64),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(64, 32),
            nn.ReLU(),
            nn.Linear(32, 1),
            nn.Sigmoid(),
        )
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = nn.BCELoss()
        start = time.perf_counter()
        for _ in range(epochs):
            model.train()
            order = torch.randperm(args.rows)
            for begin in range(0, args.rows, args.batch):
                index = order[begin : begin + args.batch]
                optimizer.zero_grad()
                loss = loss_fn(model(x[index]), y[index])
                loss.backward()
                optimizer.step()
            model.eval()
            with torch.no_grad():
                out = model(vx)
                loss_fn(out, vy).item()
                ((out > 0.5).float() == vy).float().mean().item()
            loss.item()
        return time.perf_counter() - start

    run(1)
    seconds = [run(args.epochs) for _ in range(args.rounds)]
    rates = [args.rows * args.epochs / s for s in seconds]
    print(
        json.dumps(
            {
                "torch": torch.__version__,
                "threads": torch.get_num_threads(),
                "epochs": args.epochs,
                "rounds": args.rounds,
                "samplesPerSecond": rates,
                "median": statistics.median(rates),
            }
        )
    )


if __name__ == "__main__":
    main()
