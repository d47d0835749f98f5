"""Native peer for `npm run bench`: the bench's models trained by PyTorch on the CPU.

Same shapes as the browser benchmark, on random data of that shape (the speed does not depend on
the values), Adam lr 1e-3, the validation loss (and accuracy for the classifier) read after every
epoch:
- `--model=mlp`: the studio's default MLP (rows x features, dense 64 relu, dropout 0.2, dense 32
  relu, dense 1 sigmoid, binary cross-entropy);
- `--model=lstm`: the LSTM forecaster template (rows x steps x series windows, LSTM 32 whose last
  state feeds dense 16 relu, dense 1 linear, mean squared error). tfjs' LSTM uses a hard sigmoid
  for its gates, PyTorch's a sigmoid: the same work per step.
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
    parser.add_argument("--model", choices=["mlp", "lstm"], default="mlp")
    parser.add_argument("--shape", default="61", help="one row's shape: 61, or 12,1 for windows")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=0, help="0: about a second a run")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    shape = [int(d) for d in args.shape.split(",")]
    x = torch.randn(args.rows, *shape)
    vx = torch.randn(args.validation, *shape)
    if args.model == "mlp":
        y = (torch.rand(args.rows, 1) < 0.3).float()
        vy = (torch.rand(args.validation, 1) < 0.3).float()
    else:
        y = torch.randn(args.rows, 1)
        vy = torch.randn(args.validation, 1)

    def build() -> nn.Module:
        if args.model == "mlp":
            return nn.Sequential(
                nn.Linear(shape[0], 64),
                nn.ReLU(),
                nn.Dropout(0.2),
                nn.Linear(64, 32),
                nn.ReLU(),
                nn.Linear(32, 1),
                nn.Sigmoid(),
            )
        return Forecaster(shape[-1])

    def run(epochs: int) -> float:
        model = build()
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = nn.BCELoss() if args.model == "mlp" else nn.MSELoss()
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
                if args.model == "mlp":
                    ((out > 0.5).float() == vy).float().mean().item()
            loss.item()
        return time.perf_counter() - start

    run(1)
    epochs = args.epochs
    if epochs == 0:
        # About a second a run: scaled from one timed epoch.
        epochs = max(2, round(1.0 / max(run(3) / 3, 1e-6)))
    seconds = [run(epochs) for _ in range(args.rounds)]
    rates = [args.rows * epochs / s for s in seconds]
    print(
        json.dumps(
            {
                "torch": torch.__version__,
                "model": args.model,
                "threads": torch.get_num_threads(),
                "epochs": epochs,
                "rounds": args.rounds,
                "samplesPerSecond": rates,
                "median": statistics.median(rates),
            }
        )
    )


class Forecaster(nn.Module):
    """LSTM 32 over the window, its last output through dense 16 relu to one linear output."""

    def __init__(self, series: int) -> None:
        super().__init__()
        self.lstm = nn.LSTM(series, 32, batch_first=True)
        self.head = nn.Sequential(nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(x)
        return self.head(out[:, -1, :])


if __name__ == "__main__":
    main()
