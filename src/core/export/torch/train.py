"""Trains the Model Studio network on your data with PyTorch, on one process or many.

    torchrun --standalone --nproc_per_node=4 train.py --data your.csv
    python train.py --data your.csv                      # one process

The preparation is the studio's, step for step, with the statistics it fitted (recipe.json);
the network, loss, optimiser, batch size and epochs are the recipe's too. Every process
trains on its share of the rows (DistributedDataParallel: gloo on CPU, nccl on GPUs); process 0
logs, keeps model.pt after each epoch and prints the test metrics as one JSON line.
"""
import argparse
import csv
import json
import math
import os

import numpy as np
import torch
import torch.distributed as dist
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

MISSING = {'', 'na', 'n/a', 'nan', 'null', 'none', '?', '-', '#n/a'}


# ---------------------------------------------------------------- reading the data

def read_csv(path, recipe):
    """Columns by name: numbers as float64 arrays (NaN missing), categories as lists (None missing)."""
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    kinds = {c['name']: c['kind'] for c in recipe['source']['columns']}
    table = {}
    for i, name in enumerate(header):
        cells = [r[i] if i < len(r) else '' for r in body]
        if kinds.get(name) == 'numeric':
            table[name] = np.array([number(c) for c in cells], dtype=np.float64)
        else:
            table[name] = [None if c.strip().lower() in MISSING else c for c in cells]
    return table, len(body)


def number(text):
    text = text.strip()
    if text.lower() in MISSING:
        return math.nan
    try:
        value = float(text)
    except ValueError:
        return math.nan
    return value if math.isfinite(value) else math.nan


def js_text(value):
    """A number as JavaScript writes it (String(3.0) is "3"), for numbers read as categories."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# ---------------------------------------------------------------- the fitted preparation

class Unsupported(Exception):
    pass


def apply_step(step, table, n, train_rows):
    """One fitted step on every row; returns rows to drop (all parts) and rows to drop from training."""
    op = step['op']
    drop_all = np.zeros(n, dtype=bool)
    drop_train = np.zeros(n, dtype=bool)
    if op == 'drop-columns':
        for c in step['columns']:
            table.pop(c, None)
    elif op == 'filter-rows':
        values, cond = table[step['column']], step['condition']
        missing = np.array([is_missing(v) for v in values])
        if cond['kind'] == 'range':
            x = np.asarray(values, dtype=np.float64)
            keep = ~missing
            if cond['min'] is not None:
                keep &= np.where(missing, False, x >= cond['min'])
            if cond['max'] is not None:
                keep &= np.where(missing, False, x <= cond['max'])
        elif cond['kind'] == 'in':
            inside = np.array([(js_text(v) if isinstance(v, float) else v) in cond['values'] for v in values])
            keep = inside if cond['keep'] else ~inside & ~missing
        else:
            keep = missing if cond['keep'] else ~missing
        drop_all = ~keep
    elif op == 'drop-duplicates':
        names = step['columns'] or list(table.keys())
        seen = set()
        for row in range(n):
            key = tuple(repr(table[c][row]) for c in names)
            drop_all[row] = key in seen
            seen.add(key)
    elif op == 'outliers':
        for b in step['fitted']['bounds']:
            x = table[b['column']]
            if step['action'] == 'clip':
                table[b['column']] = np.where(np.isnan(x), x, np.clip(x, b['low'], b['high']))
            else:
                drop_train |= train_rows & ~np.isnan(x) & ((x < b['low']) | (x > b['high']))
    elif op == 'impute':
        for fill in step['fitted']['fills']:
            c, value = fill['column'], fill['value']
            x = table[c]
            numeric = isinstance(x, np.ndarray)
            missing = np.isnan(x) if numeric else np.array([v is None for v in x])
            if step['indicator']:
                table[c + ' was missing'] = missing.astype(np.float64)
            if step['strategy'] == 'drop-rows':
                drop_all |= missing
            if step['strategy'] == 'forward-fill':
                last = value
                out = x.copy() if numeric else list(x)
                for row in range(n):
                    if missing[row]:
                        out[row] = last
                    else:
                        last = out[row]
                table[c] = out
            elif numeric:
                table[c] = np.where(missing, math.nan if value is None else value, x)
            else:
                table[c] = [value if m else v for v, m in zip(x, missing)]
    elif op == 'cast':
        x = table[step['column']]
        if step['to'] == 'numeric':
            table[step['column']] = np.array([number(v) if isinstance(v, str) else (math.nan if v is None else float(v)) for v in x])
        elif step['to'] == 'categorical':
            table[step['column']] = [js_text(v) if not isinstance(v, str) else v for v in x]
        else:
            raise Unsupported('reading dates (a cast to datetime)')
    elif op == 'one-hot':
        fitted, c = step['fitted'], step['column']
        x = categories_of(table.pop(c))
        slots = {cat: i for i, cat in enumerate(fitted['categories'])}
        other = len(fitted['categories']) if fitted['other'] else -1
        rare = fitted.get('infrequent')
        for cat in rare or []:
            slots[cat] = other
        unseen = other if step['unseen'] == 'other' or rare is None else -1
        labels = fitted['categories'] + (['other'] if fitted['other'] else [])
        codes = np.array([-1 if v is None else slots.get(v, unseen) for v in x])
        for i, label in enumerate(labels):
            table[f'{c}={label}'] = (codes == i).astype(np.float64)
    elif op == 'ordinal':
        order = {cat: i for i, cat in enumerate(step['fitted']['categories'])}
        x = categories_of(table[step['column']])
        table[step['column']] = np.array([math.nan if v is None else order.get(v, step['unseenValue']) for v in x], dtype=np.float64)
    elif op == 'frequency':
        fitted = step['fitted']
        share = dict(zip(fitted['categories'], fitted['frequencies']))
        x = categories_of(table[step['column']])
        table[step['column']] = np.array([0.0 if v is None else share.get(v, 0.0) for v in x], dtype=np.float64)
    elif op == 'scale':
        for p in step['fitted']['params']:
            table[p['column']] = (table[p['column']] - p['center']) / p['scale']
    elif op == 'log1p':
        for c in step['columns']:
            x = table[c]
            with np.errstate(invalid='ignore', divide='ignore'):
                table[c] = np.where(x <= -1, math.nan, np.log1p(np.where(x <= -1, 0, x)))
    else:
        raise Unsupported(op)
    return drop_all, drop_train


def is_missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def categories_of(values):
    return [js_text(v) if isinstance(v, (float, np.floating)) else v for v in values]


def prepare(recipe, table, n, train_rows):
    """The recipe's steps in order; returns the feature matrix and the rows each part keeps."""
    removed = np.zeros(n, dtype=bool)
    removed_train = np.zeros(n, dtype=bool)
    for step in recipe['steps']:
        if step['enabled']:
            drop_all, drop_train = apply_step(step, table, n, train_rows)
            removed |= drop_all
            removed_train |= drop_train
    features = [f['name'] for f in recipe['features']]
    x = np.zeros((n, len(features)), dtype=np.float32)
    for j, name in enumerate(features):
        column = np.asarray(table[name], dtype=np.float64)
        x[:, j] = np.where(np.isnan(column), 0.0, column)  # a value still missing enters as 0
    return x, removed, removed_train


def targets(recipe, table, n):
    target = recipe['target']
    y = table[target['column']]
    if target['task'] == 'regression':
        scale = target['scale']
        values = np.asarray(y, dtype=np.float64)
        return (values - scale['mean']) / scale['std'], np.isnan(values)
    classes = {c: i for i, c in enumerate(target['classes'])}
    labels = categories_of(y)
    codes = np.array([classes.get(v, -1) if v is not None else -1 for v in labels])
    return codes, codes < 0


def split(recipe, y, usable, seed):
    """Train / validation / test rows with the recipe's shares (and strata for classes)."""
    spec = recipe['split']
    rows = np.flatnonzero(usable)
    rng = np.random.default_rng(seed)
    parts = {'train': [], 'validation': [], 'test': []}
    if spec['method'] == 'chronological':
        groups = [rows]
    elif spec['method'] == 'stratified' and recipe['target']['task'] != 'regression':
        groups = [rows[y[rows] == k] for k in np.unique(y[rows])]
    else:
        groups = [rows]
    for group in groups:
        group = group.copy()
        if spec['method'] != 'chronological':
            rng.shuffle(group)
        n_test = int(round(len(group) * spec['test']))
        n_val = int(round(len(group) * spec['validation']))
        parts['test'].extend(group[:n_test])
        parts['validation'].extend(group[n_test:n_test + n_val])
        parts['train'].extend(group[n_test + n_val:])
    return {k: np.array(sorted(v), dtype=np.int64) for k, v in parts.items()}


# ---------------------------------------------------------------- the network

ACTIVATIONS = {
    'relu': torch.nn.ReLU, 'elu': torch.nn.ELU, 'selu': torch.nn.SELU,
    'gelu': torch.nn.GELU, 'swish': torch.nn.SiLU, 'tanh': torch.nn.Tanh,
    'sigmoid': torch.nn.Sigmoid, 'softplus': torch.nn.Softplus,
    'softmax': lambda: torch.nn.Softmax(dim=-1), 'linear': torch.nn.Identity,
}


class GaussianNoise(torch.nn.Module):
    def __init__(self, stddev):
        super().__init__()
        self.stddev = stddev

    def forward(self, x):
        return x + torch.randn_like(x) * self.stddev if self.training else x


def build_network(recipe, width):
    layers, units = [], width
    for spec in recipe['model']['layers']:
        kind = spec['type']
        if kind == 'dense':
            layers += [torch.nn.Linear(units, spec['units'], bias=spec['useBias']), ACTIVATIONS[spec['activation']]()]
            units = spec['units']
        elif kind == 'dropout':
            layers.append(torch.nn.Dropout(spec['rate']))
        elif kind == 'batchNormalization':
            # Keras keeps `momentum` of the old average; PyTorch's momentum is the new value's share.
            layers.append(torch.nn.BatchNorm1d(units, eps=spec['epsilon'], momentum=1 - spec['momentum']))
        elif kind == 'layerNormalization':
            layers.append(torch.nn.LayerNorm(units, eps=spec['epsilon']))
        elif kind == 'activation':
            layers.append(ACTIVATIONS[spec['activation']]())
        elif kind == 'gaussianNoise':
            layers.append(GaussianNoise(spec['stddev']))
        else:
            raise Unsupported(f'the {kind} layer')
    task = recipe['target']['task']
    outputs = len(recipe['target']['classes']) if task == 'multiclass' else 1
    layers.append(torch.nn.Linear(units, outputs))  # logits (or the value); the loss applies the rest
    return torch.nn.Sequential(*layers)


def loss_function(recipe, class_weights):
    task = recipe['target']['task']
    if task == 'binary':
        weight = None if class_weights is None else torch.tensor(class_weights[1] / class_weights[0])
        return lambda out, y: torch.nn.functional.binary_cross_entropy_with_logits(out[:, 0], y.float(), pos_weight=weight) * (1 if class_weights is None else class_weights[0])
    if task == 'multiclass':
        weight = None if class_weights is None else torch.tensor(class_weights, dtype=torch.float32)
        return lambda out, y: torch.nn.functional.cross_entropy(out, y.long(), weight=weight)
    kind = recipe['model']['regressionLoss']
    if kind == 'meanAbsoluteError':
        return lambda out, y: torch.nn.functional.l1_loss(out[:, 0], y.float())
    if kind == 'huber':
        delta = recipe['model']['huberDelta'] / recipe['target']['scale']['std']
        return lambda out, y: torch.nn.functional.huber_loss(out[:, 0], y.float(), delta=delta)
    return lambda out, y: torch.nn.functional.mse_loss(out[:, 0], y.float())


def optimizer_for(config, parameters):
    name, lr = config['optimizer'], config['learningRate']
    if name == 'sgd':
        return torch.optim.SGD(parameters, lr=lr, momentum=config.get('momentum', 0.9), nesterov=config.get('nesterov', False))
    return {
        'adam': torch.optim.Adam, 'rmsprop': torch.optim.RMSprop, 'adagrad': torch.optim.Adagrad,
        'adadelta': torch.optim.Adadelta, 'adamax': torch.optim.Adamax,
    }[name](parameters, lr=lr)


def balanced_weights(recipe, y_train):
    balance = recipe['balance']
    if balance['method'] != 'class-weights' or recipe['target']['task'] == 'regression':
        return None
    if balance.get('weights'):
        return list(balance['weights'])
    k = len(recipe['target']['classes'])
    counts = np.bincount(y_train, minlength=k).astype(np.float64)
    return list(len(y_train) / (k * np.maximum(counts, 1)))


# ---------------------------------------------------------------- metrics

def auc(labels, scores):
    """ROC AUC by ranks (ties share their mean rank), as scikit-learn gives it."""
    order = np.argsort(scores, kind='mergesort')
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    positives = labels == 1
    p, q = positives.sum(), (~positives).sum()
    return float((ranks[positives].sum() - p * (p + 1) / 2) / (p * q)) if p and q else math.nan


def test_metrics(recipe, model, x, y):
    with torch.no_grad():
        out = model(torch.from_numpy(x)).numpy()
    task = recipe['target']['task']
    if task == 'binary':
        p = 1 / (1 + np.exp(-out[:, 0]))
        return {'auc': auc(y, p), 'accuracy': float(((p >= 0.5) == (y == 1)).mean()), 'rows': int(len(y))}
    if task == 'multiclass':
        return {'accuracy': float((out.argmax(1) == y).mean()), 'rows': int(len(y))}
    scale = recipe['target']['scale']
    predicted, actual = out[:, 0] * scale['std'] + scale['mean'], y * scale['std'] + scale['mean']
    errors = predicted - actual
    total = ((actual - actual.mean()) ** 2).sum()
    return {
        'rmse': float(np.sqrt((errors ** 2).mean())), 'mae': float(np.abs(errors).mean()),
        'r2': float(1 - (errors ** 2).sum() / total) if total > 0 else math.nan, 'rows': int(len(y)),
    }


# ---------------------------------------------------------------- training

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--data', required=True, help='CSV with the same columns as the training file')
    parser.add_argument('--recipe', default=os.path.join(here, 'recipe.json'))
    parser.add_argument('--epochs', type=int, help="default: the recipe's")
    parser.add_argument('--out', default='model.pt')
    parser.add_argument('--dump-features', help='write the prepared rows as JSON and stop')
    args = parser.parse_args()
    with open(args.recipe, encoding='utf-8') as f:
        recipe = json.load(f)

    distributed = 'WORLD_SIZE' in os.environ
    if distributed:
        dist.init_process_group('nccl' if torch.cuda.is_available() else 'gloo')
    rank, world = (dist.get_rank(), dist.get_world_size()) if distributed else (0, 1)
    log = print if rank == 0 else (lambda *a, **k: None)

    table, n = read_csv(args.data, recipe)
    y, no_target = targets(recipe, table, n) if recipe['target']['column'] in table else (np.zeros(n), np.zeros(n, dtype=bool))
    if args.dump_features:
        x, _, _ = prepare(recipe, table, n, np.zeros(n, dtype=bool))
        with open(args.dump_features, 'w') as f:
            json.dump(x.tolist(), f)
        return
    seed = recipe['training'].get('seed', recipe['seed'])
    parts = split(recipe, y, ~no_target, seed)
    train_mask = np.zeros(n, dtype=bool)
    train_mask[parts['train']] = True
    x, removed, removed_train = prepare(recipe, table, n, train_mask)
    # Outliers leave the training rows only: validation and test keep the world as it is.
    keep = {k: v[~removed[v] & ~(removed_train[v] & (k == 'train'))] for k, v in parts.items()}
    log(f'Model Studio recipe for "{recipe["target"]["column"]}" ({recipe["target"]["task"]}): '
        f'{x.shape[1]} inputs; rows train {len(keep["train"])}, validation {len(keep["validation"])}, '
        f'test {len(keep["test"])}; world size {world}')

    torch.manual_seed(seed)
    model = build_network(recipe, x.shape[1])
    device = torch.device(f'cuda:{rank % torch.cuda.device_count()}' if torch.cuda.is_available() else 'cpu')
    model.to(device)
    ddp = torch.nn.parallel.DistributedDataParallel(model) if distributed else model
    config = recipe['training']
    epochs = args.epochs or config['epochs']
    class_weights = balanced_weights(recipe, y[keep['train']].astype(np.int64)) if recipe['target']['task'] != 'regression' else None
    loss_of = loss_function(recipe, class_weights)
    optimizer = optimizer_for(config, ddp.parameters())
    data = TensorDataset(torch.from_numpy(x[keep['train']]), torch.from_numpy(y[keep['train']]))
    sampler = DistributedSampler(data, num_replicas=world, rank=rank, shuffle=True, seed=seed)
    loader = DataLoader(data, batch_size=config['batchSize'], sampler=sampler)
    for epoch in range(1, epochs + 1):
        sampler.set_epoch(epoch)
        ddp.train()
        total = torch.zeros(2)
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_of(ddp(xb.to(device)), yb.to(device))
            loss.backward()
            optimizer.step()
            total += torch.tensor([loss.item() * len(xb), len(xb)])
        if distributed:
            dist.all_reduce(total)
        log(f'epoch {epoch}/{epochs}: training loss {total[0] / total[1]:.4f}')
        if rank == 0:
            torch.save(model.state_dict(), args.out)
    if rank == 0:
        model.eval()
        metrics = test_metrics(recipe, model, x[keep['test']], y[keep['test']])
        print(json.dumps({'test': metrics, 'world_size': world, 'epochs': epochs}))
    if distributed:
        dist.destroy_process_group()


if __name__ == '__main__':
    main()
