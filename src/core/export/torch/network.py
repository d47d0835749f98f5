"""The studio's layers as torch.nn modules, built in the studio's (Keras') shapes.

Shapes are channels-last, batch excluded, as the studio's Model step shows them: a convolution
permutes to PyTorch's channels-first and back, so Flatten, Dense and the browser's weights see
the same layout as in the page. `Net` builds the recipe's stack from network.json, which the
studio writes with the Keras names and input shape its own Model step uses.
"""

from __future__ import annotations

import json
import math
import os

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

ACTIVATIONS = {
    "relu": nn.ReLU,
    "elu": nn.ELU,
    "selu": nn.SELU,
    "gelu": nn.GELU,
    "swish": nn.SiLU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
    "softplus": nn.Softplus,
    "softmax": lambda: nn.Softmax(dim=-1),
    "linear": nn.Identity,
}


def initialise(weight: torch.Tensor, name: str) -> None:
    """Keras' kernel initialisers (fans as Keras counts them: receptive field × channels)."""
    fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(weight)
    with torch.no_grad():
        if name == "glorotUniform":
            nn.init.xavier_uniform_(weight)
        elif name == "glorotNormal":
            nn.init.trunc_normal_(weight, std=math.sqrt(2 / (fan_in + fan_out)) / 0.87962566, a=-2 * math.sqrt(2 / (fan_in + fan_out)) / 0.87962566, b=2 * math.sqrt(2 / (fan_in + fan_out)) / 0.87962566)
        elif name == "heUniform":
            nn.init.uniform_(weight, -math.sqrt(6 / fan_in), math.sqrt(6 / fan_in))
        elif name == "heNormal":
            nn.init.normal_(weight, std=math.sqrt(2 / fan_in))
        elif name == "leCunUniform":
            nn.init.uniform_(weight, -math.sqrt(3 / fan_in), math.sqrt(3 / fan_in))
        elif name == "leCunNormal":
            nn.init.normal_(weight, std=math.sqrt(1 / fan_in))
        elif name == "randomNormal":
            nn.init.normal_(weight, std=0.05)
        elif name == "zeros":
            nn.init.zeros_(weight)
        else:
            raise ValueError(f"Unknown initialiser {name!r}.")


class ChannelsFirst(nn.Module):
    """Runs a channels-first module (convolution, pooling) on channels-last rows, Keras padding."""

    def __init__(self, module: nn.Module, pads: list[int], pad_value: float = 0.0, exclude_pad: bool = False):
        super().__init__()
        self.module = module
        self.pads = pads  # F.pad order: last spatial dimension first, (left, right) each
        self.pad_value = pad_value
        self.exclude_pad = exclude_pad

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        dims = x.dim()
        x = x.permute(0, dims - 1, *range(1, dims - 1))
        if any(self.pads):
            if self.exclude_pad:  # Keras' average pooling counts only the real values
                ones = torch.ones_like(x[:1, :1])
                count = self.module(F.pad(ones, self.pads))
                x = self.module(F.pad(x, self.pads)) / count
            else:
                x = self.module(F.pad(x, self.pads, value=self.pad_value))
        else:
            x = self.module(x)
        return x.permute(0, *range(2, dims), 1)


class LastAxisBatchNorm(nn.Module):
    """Keras' BatchNormalization: statistics per channel (last axis) over every other axis."""

    def __init__(self, channels: int, momentum: float, epsilon: float):
        super().__init__()
        # Keras keeps momentum × old + (1 − momentum) × batch; PyTorch's momentum is the other share.
        self.norm = nn.BatchNorm1d(channels, eps=epsilon, momentum=1 - momentum)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shape = x.shape
        return self.norm(x.reshape(-1, shape[-1])).reshape(shape)


class GaussianNoise(nn.Module):
    def __init__(self, stddev: float):
        super().__init__()
        self.stddev = stddev

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + torch.randn_like(x) * self.stddev if self.training else x


class Embedding(nn.Module):
    def __init__(self, input_dim: int, output_dim: int):
        super().__init__()
        self.embedding = nn.Embedding(input_dim, output_dim)
        nn.init.uniform_(self.embedding.weight, -0.05, 0.05)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.embedding(x.long().clamp(0, self.embedding.num_embeddings - 1))


class Reshape(nn.Module):
    def __init__(self, shape: tuple[int, ...]):
        super().__init__()
        self.shape = shape

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(x.shape[0], *self.shape)


def same_pads(size: int, kernel: int, stride: int) -> tuple[int, int, int]:
    """Keras 'same' padding: output ceil(size / stride), the extra cell on the right."""
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return out, total // 2, total - total // 2


def valid_size(size: int, kernel: int, stride: int) -> int:
    return (size - kernel) // stride + 1


def hard_sigmoid(x: torch.Tensor) -> torch.Tensor:
    """TensorFlow.js' default gate activation for LSTM and GRU: clip(0.2x + 0.5, 0, 1)."""
    return torch.clamp(0.2 * x + 0.5, 0.0, 1.0)


ACTIVATION_FUNCTIONS = {name: make() for name, make in ACTIVATIONS.items()}


class KerasRecurrent(nn.Module):
    """SimpleRNN, LSTM or GRU with Keras' weight layout and equations, step by step.

    nn.LSTM/nn.GRU would be faster but differ: TensorFlow.js gates with a hard sigmoid, and its GRU
    applies the reset gate before the recurrent kernel (reset_after=False), which PyTorch's does
    not. Weights: kernel [in, gates × units], recurrent_kernel [units, gates × units], bias.
    """

    GATES = {"simpleRnn": 1, "lstm": 4, "gru": 3}

    def __init__(self, kind: str, features: int, units: int, activation: str, return_sequences: bool, init: str, backward: bool = False):
        super().__init__()
        self.kind, self.units, self.return_sequences, self.backward = kind, units, return_sequences, backward
        gates = self.GATES[kind]
        self.kernel = nn.Parameter(torch.empty(features, gates * units))
        self.recurrent_kernel = nn.Parameter(torch.empty(units, gates * units))
        self.bias = nn.Parameter(torch.zeros(gates * units))
        for block in self.kernel.data.split(units, dim=1):
            initialise(block, init)
        nn.init.orthogonal_(self.recurrent_kernel)
        self.activation = ACTIVATION_FUNCTIONS[activation]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.backward:
            x = x.flip(1)
        batch, steps = x.shape[0], x.shape[1]
        u = self.units
        h = x.new_zeros(batch, u)
        c = x.new_zeros(batch, u)
        inputs = x @ self.kernel + self.bias  # every step's input part at once
        outputs = []
        for t in range(steps):
            xt = inputs[:, t]
            if self.kind == "simpleRnn":
                h = self.activation(xt + h @ self.recurrent_kernel)
            elif self.kind == "lstm":
                z = xt + h @ self.recurrent_kernel
                i, f, g, o = z.split(u, dim=1)
                c = hard_sigmoid(f) * c + hard_sigmoid(i) * self.activation(g)
                h = hard_sigmoid(o) * self.activation(c)
            else:
                r_kernel = self.recurrent_kernel
                xz, xr, xh = xt.split(u, dim=1)
                z = hard_sigmoid(xz + h @ r_kernel[:, :u])
                r = hard_sigmoid(xr + h @ r_kernel[:, u : 2 * u])
                candidate = self.activation(xh + (r * h) @ r_kernel[:, 2 * u :])
                h = z * h + (1 - z) * candidate
            if self.return_sequences:
                outputs.append(h)
        if not self.return_sequences:
            return h
        out = torch.stack(outputs, dim=1)
        return out.flip(1) if self.backward else out


class Bidirectional(nn.Module):
    def __init__(self, forward: KerasRecurrent, backward: KerasRecurrent, merge_mode: str):
        super().__init__()
        self.forward_layer, self.backward_layer, self.merge_mode = forward, backward, merge_mode

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a, b = self.forward_layer(x), self.backward_layer(x)
        if self.merge_mode == "concat":
            return torch.cat([a, b], dim=-1)
        if self.merge_mode == "sum":
            return a + b
        if self.merge_mode == "mul":
            return a * b
        return (a + b) / 2


class Mean(nn.Module):
    def __init__(self, dims: tuple[int, ...]):
        super().__init__()
        self.dims = dims

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.mean(dim=self.dims)


class Dense(nn.Module):
    """Keras' Dense: on the last axis, whatever the rank; `kernel` is [in, units] as in the browser."""

    def __init__(self, features: int, units: int, activation: str, use_bias: bool, init: str):
        super().__init__()
        self.kernel = nn.Parameter(torch.empty(features, units))
        initialise(self.kernel, init)
        self.bias = nn.Parameter(torch.zeros(units)) if use_bias else None
        self.activation = ACTIVATION_FUNCTIONS[activation]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x @ self.kernel
        return self.activation(x + self.bias if self.bias is not None else x)


class Net(nn.Module):
    """The recipe's stack, built from network.json (what the studio's Model step builds).

    Rows enter flat and are reshaped to the input shape (a window's steps × series, a text's token
    ids, a table row). The output layer gives logits (or numbers): the sigmoid or softmax is left
    to the loss, and `probabilities` applies it.
    """

    def __init__(self, network: dict):
        super().__init__()
        self.input_shape = tuple(network["input"]["shape"])
        self.head = network["head"]["activation"]
        self.shape = self.input_shape
        self.layers = nn.ModuleList()
        self.keras_names: list[str] = []
        self.penalties: list[tuple[nn.Parameter, float, float]] = []
        for spec in network["layers"]:
            try:
                self.build(spec, network["input"].get("vocabularySize"))
            except (ValueError, KeyError) as error:
                raise ValueError(f"{spec['name']} ({spec['type']}) cannot be built: {error}") from error
        if len(self.shape) != 1:
            raise ValueError(f"The output layer needs one value list per row, but the last layer leaves {self.shape}.")
        self.add("output", Dense(self.shape[-1], network["head"]["units"], "linear", True, "glorotUniform"), (network["head"]["units"],))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.reshape(x.shape[0], *self.input_shape)
        for layer in self.layers:
            x = layer(x)
        return x

    def probabilities(self, x: torch.Tensor) -> torch.Tensor:
        out = self(x)
        if self.head == "sigmoid":
            return torch.sigmoid(out)
        if self.head == "softmax":
            return torch.softmax(out, dim=-1)
        return out

    def penalty(self) -> torch.Tensor:
        """The kernels' L1/L2 penalties, as Keras adds them to the loss."""
        total = torch.zeros(())
        for weight, l1, l2 in self.penalties:
            if l1:
                total = total + l1 * weight.abs().sum()
            if l2:
                total = total + l2 * (weight**2).sum()
        return total

    def add(self, name: str, module: nn.Module, shape: tuple[int, ...]) -> None:
        self.layers.append(module)
        self.keras_names.append(name)
        self.shape = tuple(int(d) for d in shape)

    def need(self, rank: int) -> None:
        if len(self.shape) != rank:
            raise ValueError(f"it needs rows of {rank} dimension(s) but gets {self.shape}: add a Reshape before it")

    def build(self, s: dict, vocabulary: int | None) -> None:
        kind, name, shape = s["type"], s["name"], self.shape
        if kind == "dense":
            dense = Dense(shape[-1], s["units"], s["activation"], s["useBias"], s["kernelInitializer"])
            self.penalties.append((dense.kernel, s["l1"], s["l2"]))
            self.add(name, dense, (*shape[:-1], s["units"]))
        elif kind == "dropout":
            self.add(name, nn.Dropout(s["rate"]), shape)
        elif kind == "gaussianNoise":
            self.add(name, GaussianNoise(s["stddev"]), shape)
        elif kind == "batchNormalization":
            self.add(name, LastAxisBatchNorm(shape[-1], s["momentum"], s["epsilon"]), shape)
        elif kind == "layerNormalization":
            self.add(name, nn.LayerNorm(shape[-1], eps=s["epsilon"]), shape)
        elif kind == "activation":
            self.add(name, ACTIVATIONS[s["activation"]](), shape)
        elif kind == "flatten":
            self.add(name, nn.Flatten(), (int(np.prod(shape)),))
        elif kind == "reshape":
            size = int(np.prod(shape))
            known = int(np.prod([d for d in s["targetShape"] if d != -1]))
            target = tuple(size // known if d == -1 else d for d in s["targetShape"])
            if int(np.prod(target)) != size:
                raise ValueError(f"the {size} values of each row cannot be laid out as {tuple(s['targetShape'])}")
            self.add(name, Reshape(target), target)
        elif kind in ("conv1d", "conv2d"):
            self.convolution(s, 1 if kind == "conv1d" else 2)
        elif kind in ("maxPooling1d", "averagePooling1d", "maxPooling2d", "averagePooling2d"):
            self.pooling(s, 1 if kind.endswith("1d") else 2, "max" if kind.startswith("max") else "average")
        elif kind == "globalAveragePooling1d":
            self.need(2)
            self.add(name, Mean((1,)), (shape[-1],))
        elif kind == "globalAveragePooling2d":
            self.need(3)
            self.add(name, Mean((1, 2)), (shape[-1],))
        elif kind in ("simpleRnn", "lstm", "gru"):
            self.need(2)
            rnn = KerasRecurrent(kind, shape[-1], s["units"], s["activation"], s["returnSequences"], s["kernelInitializer"])
            self.penalties.append((rnn.kernel, s["l1"], s["l2"]))
            self.add(name, rnn, (shape[0], s["units"]) if s["returnSequences"] else (s["units"],))
        elif kind == "bidirectional":
            self.need(2)
            pair = [KerasRecurrent(s["layer"], shape[-1], s["units"], s["activation"], s["returnSequences"], s["kernelInitializer"], backward) for backward in (False, True)]
            for rnn in pair:
                self.penalties.append((rnn.kernel, s["l1"], s["l2"]))
            width = 2 * s["units"] if s["mergeMode"] == "concat" else s["units"]
            self.add(name, Bidirectional(pair[0], pair[1], s["mergeMode"]), (shape[0], width) if s["returnSequences"] else (width,))
        elif kind == "embedding":
            size = s["inputDim"] if s["inputDim"] is not None else vocabulary
            if size is None:
                raise ValueError('its input size is "auto" but the inputs are not token ids')
            module = Embedding(size, s["outputDim"])
            self.penalties.append((module.embedding.weight, s["l1"], s["l2"]))
            self.add(name, module, (*shape, s["outputDim"]))
        else:
            raise ValueError(f"the {kind} layer is not built by this project")

    def convolution(self, s: dict, dims: int) -> None:
        self.need(dims + 1)
        k, stride = s["kernelSize"], s["strides"]
        sizes, pads = [], []
        for size in self.shape[:-1]:
            if s["padding"] == "same":
                out, left, right = same_pads(size, k, stride)
                pads = [left, right] + pads  # F.pad lists the last dimension first
            else:
                out = valid_size(size, k, stride)
            if out < 1:
                raise ValueError(f"a kernel of {k} does not fit rows of {self.shape}")
            sizes.append(out)
        conv = (nn.Conv1d if dims == 1 else nn.Conv2d)(self.shape[-1], s["filters"], k, stride=stride)
        initialise(conv.weight, s["kernelInitializer"])
        nn.init.zeros_(conv.bias)
        self.penalties.append((conv.weight, s["l1"], s["l2"]))
        module = nn.Sequential(ChannelsFirst(conv, pads or [0] * (2 * dims)), ACTIVATIONS[s["activation"]]())
        self.add(s["name"], module, (*sizes, s["filters"]))

    def pooling(self, s: dict, dims: int, kind: str) -> None:
        self.need(dims + 1)
        size_, stride = s["poolSize"], s["strides"] or s["poolSize"]
        sizes, pads = [], []
        for size in self.shape[:-1]:
            if s["padding"] == "same":
                out, left, right = same_pads(size, size_, stride)
                pads = [left, right] + pads
            else:
                out = valid_size(size, size_, stride)
            if out < 1:
                raise ValueError(f"a pool of {size_} does not fit rows of {self.shape}")
            sizes.append(out)
        if kind == "max":
            pool = (nn.MaxPool1d if dims == 1 else nn.MaxPool2d)(size_, stride=stride)
        else:
            pool = (nn.AvgPool1d if dims == 1 else nn.AvgPool2d)(size_, stride=stride)
        module = ChannelsFirst(pool, pads or [0] * (2 * dims), -math.inf if kind == "max" else 0.0, kind == "average")
        self.add(s["name"], module, (*sizes, self.shape[-1]))

    # -----------------------------------------------------------------------------------------
    # The browser's weights (TensorFlow.js model.json + weights.bin), so training goes on from them

    def load_browser_weights(self, folder: str) -> None:
        groups: dict[str, list[np.ndarray]] = {}
        for key, value in read_tfjs_weights(folder):
            groups.setdefault(key.split("/")[0], []).append(value)
        for name, layer in zip(self.keras_names, self.layers):
            own = groups.pop(name, [])
            params = layer_parameters(layer)
            if len(own) != len(params):
                raise ValueError(f"{name}: the browser model has {len(own)} weight(s) for it, this network {len(params)}. Was browser-model/ trained with this recipe?")
            for param, value in zip(params, own):
                if tuple(param.shape) != value.shape:
                    raise ValueError(f"{name}: the browser's weight has shape {value.shape}, this network's {tuple(param.shape)}.")
                with torch.no_grad():
                    param.copy_(torch.from_numpy(np.ascontiguousarray(value)))
        if groups:
            raise ValueError(f"The browser model has weights for layers this network lacks: {', '.join(groups)}.")


def layer_parameters(layer: nn.Module) -> list[torch.Tensor]:
    """The layer's tensors in TensorFlow.js' order, viewed in its layout (kernels transposed)."""
    module = layer[0] if isinstance(layer, nn.Sequential) else layer
    if isinstance(module, Dense):
        return [module.kernel] + ([module.bias] if module.bias is not None else [])
    if isinstance(module, ChannelsFirst):
        conv = module.module
        if not isinstance(conv, (nn.Conv1d, nn.Conv2d)):
            return []
        # Keras kernels: [k, in, out] and [kh, kw, in, out]; PyTorch's: [out, in, k(, kw)].
        order = (2, 1, 0) if conv.weight.dim() == 3 else (2, 3, 1, 0)
        return [conv.weight.permute(*order), conv.bias]
    if isinstance(module, LastAxisBatchNorm):
        n = module.norm
        return [n.weight, n.bias, n.running_mean, n.running_var]
    if isinstance(module, nn.LayerNorm):
        return [module.weight, module.bias]
    if isinstance(module, Embedding):
        return [module.embedding.weight]
    if isinstance(module, KerasRecurrent):
        return [module.kernel, module.recurrent_kernel, module.bias]
    if isinstance(module, Bidirectional):
        return layer_parameters(module.forward_layer) + layer_parameters(module.backward_layer)
    return []


def read_tfjs_weights(folder: str) -> list[tuple[str, np.ndarray]]:
    """The weights of a TensorFlow.js Layers model (model.json + its .bin files), in order."""
    with open(os.path.join(folder, "model.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)["weightsManifest"]
    out: list[tuple[str, np.ndarray]] = []
    for group in manifest:
        data = b"".join(open(os.path.join(folder, path), "rb").read() for path in group["paths"])
        at = 0
        for spec in group["weights"]:
            if spec.get("dtype", "float32") != "float32" or "quantization" in spec:
                raise ValueError(f"{spec['name']} is stored as {spec.get('dtype')}: export the float32 weights.")
            count = int(np.prod(spec["shape"])) if spec["shape"] else 1
            out.append((spec["name"], np.frombuffer(data, dtype="<f4", count=count, offset=at).reshape(spec["shape"]).copy()))
            at += count * 4
    return out


def main() -> None:
    """Prints the network's outputs (probabilities or numbers) for rows of prepared inputs."""
    import argparse
    import csv

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--inputs", required=True, help="CSV of prepared inputs with a header (prepare.py --out)")
    parser.add_argument("--network", default="network.json")
    parser.add_argument("--weights", default="browser-model", help="folder with model.json + weights.bin")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.network, encoding="utf-8") as handle:
        net = Net(json.load(handle))
    net.load_browser_weights(args.weights)
    net.eval()
    with open(args.inputs, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    x = torch.tensor([[float(v) for v in row] for row in rows], dtype=torch.float32)
    with torch.no_grad():
        out = net.probabilities(x).numpy()
    np.savetxt(args.out, out, delimiter=",", fmt="%.9g")


if __name__ == "__main__":
    main()
