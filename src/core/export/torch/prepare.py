"""The studio's data preparation, ported to Python (numpy only) from Model Studio's recipe steps.

Reads a CSV with the raw columns the recipe names, splits the rows as the studio does (the same
seeded generator, so the same file gives the same train/validation/test rows), and applies the
recipe's steps: with the statistics fitted in the browser (the default), or fitted afresh on the
new training rows (`refit=True`). Each step follows the TypeScript implementation in
src/core/recipe/steps/; comments say where Python has to take care to give the same numbers.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

MISSING_TOKENS = {"", "na", "n/a", "nan", "null", "none", "?", "-", "#n/a"}
# JavaScript's Number(text) accepts decimals, exponents and 0x/0o/0b integers; Python's float()
# also takes "inf", "nan" and "1_000", which the studio reads as text.
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
RADIX = re.compile(r"^0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)$")
M32 = 0xFFFFFFFF


class PrepareError(Exception):
    """A recipe step that cannot run on this data; the message says what to change."""


def is_missing(text: str) -> bool:
    return text.strip().lower() in MISSING_TOKENS


def parse_number(text: str) -> float:
    t = text.strip()
    if NUMBER.match(t):
        v = float(t)
        return v if math.isfinite(v) else math.nan
    if RADIX.match(t):
        return float(int(t, 0))
    return math.nan


def js_str(v: float) -> str:
    """A number as JavaScript's String(v) writes it: category labels of numbers ("1", "2.5")."""
    if math.isnan(v):
        return "NaN"
    if v == 0:
        return "0"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    sign = "-" if v < 0 else ""
    text = repr(abs(v))
    mantissa, _, exp = text.partition("e")
    whole, _, frac = mantissa.partition(".")
    raw = whole + frac
    point = len(whole) + (int(exp) if exp else 0)
    stripped = raw.lstrip("0")
    point -= len(raw) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    k, n = len(digits), point
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    head = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{sign}{head}e{'+' if e >= 0 else '-'}{abs(e)}"


# ---------------------------------------------------------------------------------------------
# Columns and tables


@dataclass
class Numeric:
    values: np.ndarray  # float64, NaN = missing


@dataclass
class Categorical:
    codes: np.ndarray  # int64, -1 = missing
    categories: list[str]


@dataclass
class Table:
    columns: dict[str, Numeric | Categorical] = field(default_factory=dict)
    n: int = 0

    def get(self, name: str):
        if name not in self.columns:
            raise PrepareError(f'The data has no column named "{name}".')
        return self.columns[name]

    def replaced(self, name: str, replacement: list[tuple[str, object]]) -> "Table":
        """`name` replaced in place by zero, one or many columns (spliceColumn)."""
        if name not in self.columns:
            raise PrepareError(f'The data has no column named "{name}".')
        out: dict = {}
        for key, column in self.columns.items():
            if key == name:
                for new_name, new_column in replacement:
                    if new_name != name and new_name in self.columns:
                        raise PrepareError(
                            f'A column named "{new_name}" already exists. Rename or drop it before this step.'
                        )
                    out[new_name] = new_column
            else:
                out[key] = column
        return Table(out, self.n)

    def with_columns(self, replacements: dict) -> "Table":
        out = dict(self.columns)
        out.update(replacements)
        return Table(out, self.n)


def categories_of(cells: list[str]) -> Categorical:
    index: dict[str, int] = {}
    codes = np.empty(len(cells), dtype=np.int64)
    for i, cell in enumerate(cells):
        if is_missing(cell):
            codes[i] = -1
            continue
        text = cell.strip()
        code = index.get(text)
        if code is None:
            code = index[text] = len(index)
        codes[i] = code
    return Categorical(codes, list(index))


DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
SLASH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def date_ms(text: str, day_month_order: str | None) -> float:
    """Epoch ms (UTC) of ISO dates and of d/m/y or m/d/y dates in the training file's order."""
    t = text.strip()
    found = DATE.match(t)
    try:
        if found:
            y, mo, d, h, mi, s, frac, zone = found.groups()
            ms = float(np.datetime64(f"{int(y):04d}-{int(mo):02d}-{int(d):02d}", "ms").astype(np.int64))
            ms += ((int(h or 0) * 60 + int(mi or 0)) * 60 + int(s or 0)) * 1000
            ms += int(((frac or "0") + "000")[:3])
            if zone and zone != "Z":
                sign = 1 if zone[0] == "+" else -1
                hhmm = zone[1:].replace(":", "")
                ms -= sign * (int(hhmm[:2]) * 60 + int(hhmm[2:])) * 60_000
            return ms
        found = SLASH_DATE.match(t)
        if found:
            a, b, y = (int(g) for g in found.groups())
            day, month = (a, b) if day_month_order == "day-first" else (b, a)
            if month > 12:  # valid only the other way round: read it the one way it can be
                day, month = month, day
            return float(np.datetime64(f"{y:04d}-{month:02d}-{day:02d}", "ms").astype(np.int64))
    except ValueError:
        return math.nan
    return math.nan


def read_csv(path: str, source_columns: list[dict]) -> Table:
    """The file's columns as the recipe's source describes them (tableFromRecords)."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader)]
        rows = [row for row in reader if row]
    position = {name: i for i, name in enumerate(header)}
    table = Table({}, len(rows))
    for source in source_columns:
        name = source["name"]
        at = position.get(name)
        cells = [row[at] if at is not None and at < len(row) else "" for row in rows]
        if source["kind"] == "numeric":
            order = source.get("dayMonthOrder")
            dates = source.get("type") == "datetime"
            values = np.empty(len(cells))
            for i, cell in enumerate(cells):
                if is_missing(cell):
                    values[i] = math.nan
                    continue
                v = parse_number(cell)
                values[i] = date_ms(cell, order) if dates and math.isnan(v) else v
            table.columns[name] = Numeric(values)
        else:
            table.columns[name] = categories_of(cells)
    return table


def numeric_input(table: Table, name: str, doing: str) -> np.ndarray:
    column = table.get(name)
    if isinstance(column, Categorical):
        if np.all(column.codes == -1):
            return np.full(table.n, math.nan)
        raise PrepareError(
            f'"{name}" holds categories, so it cannot be {doing}. Encode it first (one-hot, ordinal or frequency) or choose a numeric column.'
        )
    return column.values


def numbers_as_categories(values: np.ndarray) -> Categorical:
    index: dict[float, int] = {}
    labels: list[str] = []
    codes = np.empty(len(values), dtype=np.int64)
    for i, v in enumerate(values.tolist()):
        if v != v:
            codes[i] = -1
            continue
        code = index.get(v)
        if code is None:
            code = index[v] = len(labels)
            labels.append(js_str(v))
        codes[i] = code
    return Categorical(codes, labels)


def categorical_input(table: Table, name: str) -> Categorical:
    column = table.get(name)
    return column if isinstance(column, Categorical) else numbers_as_categories(column.values)


def code_counts(column: Categorical, rows: np.ndarray) -> np.ndarray:
    codes = column.codes[rows]
    return np.bincount(codes[codes >= 0], minlength=len(column.categories))


def training_categories(table: Table, name: str, rows: np.ndarray) -> list[tuple[str, int]]:
    """Training categories with counts in scikit-learn's order: by value for numbers, else text."""
    numeric = isinstance(table.get(name), Numeric)
    column = categorical_input(table, name)
    counts = code_counts(column, rows)
    seen = [(label, int(counts[code])) for code, label in enumerate(column.categories) if counts[code] > 0]
    return sorted(seen, key=(lambda c: float(c[0])) if numeric else (lambda c: c[0]))


def sorted_present(values: np.ndarray, rows: np.ndarray) -> np.ndarray:
    v = values[rows]
    return np.sort(v[~np.isnan(v)])


def quantile(sorted_values: np.ndarray, p: float) -> float:
    if len(sorted_values) == 0:
        return math.nan
    h = (len(sorted_values) - 1) * p
    lo = math.floor(h)
    a = sorted_values[lo]
    b = sorted_values[min(lo + 1, len(sorted_values) - 1)]
    return float(a + (h - lo) * (b - a))


def mean_std(values: np.ndarray, rows: np.ndarray) -> tuple[float, float, int]:
    v = values[rows]
    v = v[~np.isnan(v)]
    if len(v) == 0:
        return math.nan, math.nan, 0
    mean = float(np.mean(v))
    return mean, float(np.sqrt(np.mean((v - mean) ** 2))), len(v)


# ---------------------------------------------------------------------------------------------
# Steps: fit(step, table, train_rows, target) -> step, apply(step, table, live, mode) -> Output


@dataclass
class Output:
    table: Table
    remove: np.ndarray | None = None  # bool per table row
    remove_from: str = "all"  # or "train": outliers leave validation and test as they are


EPS = 2.0**-52


def fit_scale(step, table, rows, target):
    refuse_target(step["columns"], target, "scaled as an input")
    params = []
    for name in step["columns"]:
        values = numeric_input(table, name, "scaled")
        if step["method"] == "standard":
            mean, std, n = mean_std(values, rows)
            if n == 0:
                center, scale = 0.0, 1.0
            else:
                variance = std * std
                constant = variance <= n * EPS * variance + (n * mean * EPS) ** 2
                center, scale = mean, (std if math.isfinite(std) and not constant else 1.0)
        else:
            s = sorted_present(values, rows)
            if len(s) == 0:
                center, scale = 0.0, 1.0
            elif step["method"] == "min-max":
                center, spread = float(s[0]), float(s[-1] - s[0])
                scale = spread if math.isfinite(spread) and spread >= 10 * EPS else 1.0
            else:
                center = quantile(s, 0.5)
                spread = quantile(s, 0.75) - quantile(s, 0.25)
                scale = spread if math.isfinite(spread) and spread >= 10 * EPS else 1.0
        params.append({"column": name, "center": center, "scale": scale})
    return {**step, "fitted": {"params": params}}


def apply_scale(step, table, live, mode):
    out = {}
    for p in fitted(step)["params"]:
        values = numeric_input(table, p["column"], "scaled")
        out[p["column"]] = Numeric((values - p["center"]) / p["scale"])
    return Output(table.with_columns(out))


def apply_log1p(step, table, live, mode):
    out = {}
    for name in step["columns"]:
        values = numeric_input(table, name, "log-transformed")
        with np.errstate(invalid="ignore", divide="ignore"):
            out[name] = Numeric(np.where(values > -1, np.log1p(np.where(values > -1, values, 0)), math.nan))
    return Output(table.with_columns(out))


def fit_outliers(step, table, rows, target):
    if step["action"] == "clip" and target in step["columns"]:
        raise PrepareError(f'"{target}" is the target, so it cannot be clipped. Use the "drop" action.')
    t = step["threshold"]
    bounds = []
    for name in step["columns"]:
        values = numeric_input(table, name, "checked for outliers")
        if step["method"] == "iqr":
            s = sorted_present(values, rows)
            if len(s) == 0:
                raise PrepareError(f'"{name}" has no values in the training rows, so its outlier bounds cannot be learned.')
            q1, q3 = quantile(s, 0.25), quantile(s, 0.75)
            bounds.append({"column": name, "low": q1 - t * (q3 - q1), "high": q3 + t * (q3 - q1)})
        else:
            mean, std, n = mean_std(values, rows)
            if n == 0:
                raise PrepareError(f'"{name}" has no values in the training rows, so its outlier bounds cannot be learned.')
            bounds.append({"column": name, "low": mean - t * std, "high": mean + t * std})
    return {**step, "fitted": {"bounds": bounds}}


def apply_outliers(step, table, live, mode):
    bounds = fitted(step)["bounds"]
    if step["action"] == "clip":
        out = {}
        for b in bounds:
            values = numeric_input(table, b["column"], "checked for outliers")
            out[b["column"]] = Numeric(np.where(values < b["low"], b["low"], np.where(values > b["high"], b["high"], values)))
        return Output(table.with_columns(out))
    remove = np.zeros(table.n, dtype=bool)
    for b in bounds:
        values = numeric_input(table, b["column"], "checked for outliers")
        with np.errstate(invalid="ignore"):
            remove |= (values < b["low"]) | (values > b["high"])
    return Output(table, remove, "train")


def fit_impute(step, table, rows, target):
    if target in step["columns"]:
        raise PrepareError(f'"{target}" is the target: remove it from this missing-values step.')
    fills = []
    for name in step["columns"]:
        column = table.get(name)
        strategy = step["strategy"]
        if strategy == "constant":
            value = step.get("constant")
            if value is None:
                raise PrepareError(f'Give the constant that fills the missing values of "{name}".')
        else:
            statistic = strategy if strategy in ("mean", "median", "mode") else ("median" if isinstance(column, Numeric) else "mode")
            if isinstance(column, Categorical):
                if statistic != "mode":
                    raise PrepareError(f'"{name}" holds categories, so it has no {statistic}. Fill it with the mode or a constant.')
                counts = code_counts(column, rows)
                best, best_count = None, 0
                for code, c in enumerate(counts.tolist()):
                    label = column.categories[code]
                    if c > best_count or (c == best_count and c > 0 and best is not None and label < best):
                        best, best_count = label, c
                value = best
            elif statistic == "mean":
                value = mean_std(column.values, rows)[0]
            elif statistic == "median":
                value = quantile(sorted_present(column.values, rows), 0.5)
            else:
                v = column.values[rows]
                v = v[~np.isnan(v)]
                if len(v):
                    uniques, counts = np.unique(v, return_counts=True)
                    value = float(uniques[np.argmax(counts)])  # ties: the smallest, as np.unique sorts
                else:
                    value = math.nan
            if value is None or (isinstance(value, float) and math.isnan(value)):
                raise PrepareError(f'"{name}" has no values in the training rows, so there is no {statistic} to fill it with.')
        fills.append({"column": name, "value": value})
    return {**step, "fitted": {"fills": fills}}


def with_category(categories: list[str], value) -> tuple[list[str], int]:
    if value is None:
        return categories, -1
    label = js_str(value) if isinstance(value, (int, float)) else str(value)
    if label in categories:
        return categories, categories.index(label)
    return [*categories, label], len(categories)


def numeric_fill(name: str, value) -> float:
    if isinstance(value, str):
        raise PrepareError(f'The missing values of "{name}" were to be filled with "{value}", but the column holds numbers.')
    return math.nan if value is None else float(value)


def apply_impute(step, table, live, mode):
    strategy = step["strategy"]
    dropping = strategy == "drop-rows"
    remove = np.zeros(table.n, dtype=bool) if dropping else None
    current = table
    for fill in fitted(step)["fills"]:
        name, value = fill["column"], fill["value"]
        column = current.get(name)
        missing = np.isnan(column.values) if isinstance(column, Numeric) else column.codes == -1
        if dropping:
            remove[live[missing[live]]] = True
        output = column
        if strategy == "forward-fill":
            output = forward_filled(name, column, value, live)
        elif not (dropping and mode == "train"):
            if isinstance(column, Numeric):
                output = Numeric(np.where(missing, numeric_fill(name, value), column.values))
            else:
                categories, code = with_category(column.categories, value)
                output = Categorical(np.where(missing, code, column.codes), categories)
        replacement = [(name, output)]
        if step["indicator"]:
            replacement.append((f"{name} was missing", Numeric(missing.astype(np.float64))))
        current = current.replaced(name, replacement)
    return Output(current, remove, "all")


def forward_filled(name, column, fallback, live):
    if isinstance(column, Numeric):
        values = column.values.copy()
        last = numeric_fill(name, fallback)
        for row in live.tolist():
            v = values[row]
            if v == v:
                last = v
            else:
                values[row] = last
        return Numeric(values)
    categories, last = with_category(column.categories, fallback)
    codes = column.codes.copy()
    for row in live.tolist():
        if codes[row] != -1:
            last = codes[row]
        else:
            codes[row] = last
    return Categorical(codes, categories)


def fit_one_hot(step, table, rows, target):
    refuse_target([step["column"]], target, "one-hot encoded as an input")
    seen = training_categories(table, step["column"], rows)
    most = step["maxCategories"]
    rare: set[str] = set()
    if most is not None and len(seen) >= most:
        rarest_first = sorted(seen, key=lambda c: c[1])  # stable, as the studio's sort
        rare = {label for label, _ in rarest_first[: len(seen) - most + 1]}
    categories = [label for label, _ in seen if label not in rare]
    return {**step, "fitted": {"categories": categories, "other": len(rare) > 0, "infrequent": sorted(rare)}}


def apply_one_hot(step, table, live, mode):
    f = fitted(step)
    categories, other, rare = f["categories"], f["other"], f.get("infrequent")
    column = categorical_input(table, step["column"])
    slot = {c: i for i, c in enumerate(categories)}
    other_slot = len(categories) if other else -1
    rare_set = set(rare) if rare is not None else None
    unseen_slot = other_slot if step["unseen"] == "other" or rare_set is None else -1
    code_slot = np.array(
        [slot.get(c, other_slot if rare_set is not None and c in rare_set else unseen_slot) for c in column.categories] + [-1],
        dtype=np.int64,
    )
    at = code_slot[column.codes]  # code -1 (missing) reads the trailing -1
    labels = [*categories, *(["other"] if other else [])]
    outputs = [(f"{step['column']}={label}", Numeric((at == i).astype(np.float64))) for i, label in enumerate(labels)]
    return Output(table.replaced(step["column"], outputs))


def fit_ordinal(step, table, rows, target):
    refuse_target([step["column"]], target, "ordinal encoded as an input")
    seen = [label for label, _ in training_categories(table, step["column"], rows)]
    if step["order"] is None:
        return {**step, "fitted": {"categories": seen}}
    unlisted = [label for label in seen if label not in step["order"]]
    if unlisted:
        raise PrepareError(f'The training rows of "{step["column"]}" hold {unlisted[:5]}, which the order does not list. Add them to the order.')
    return {**step, "fitted": {"categories": list(step["order"])}}


def apply_ordinal(step, table, live, mode):
    rank = {label: i for i, label in enumerate(fitted(step)["categories"])}
    column = categorical_input(table, step["column"])
    code_value = np.array([rank.get(c, step["unseenValue"]) for c in column.categories] + [math.nan], dtype=np.float64)
    return Output(table.with_columns({step["column"]: Numeric(code_value[column.codes])}))


def fit_frequency(step, table, rows, target):
    refuse_target([step["column"]], target, "frequency encoded as an input")
    seen = training_categories(table, step["column"], rows)
    total = sum(c for _, c in seen)
    return {**step, "fitted": {"categories": [l for l, _ in seen], "frequencies": [c / total for _, c in seen]}}


def apply_frequency(step, table, live, mode):
    f = fitted(step)
    share = dict(zip(f["categories"], f["frequencies"]))
    column = categorical_input(table, step["column"])
    code_share = np.array([share.get(c, 0.0) for c in column.categories] + [0.0], dtype=np.float64)
    return Output(table.with_columns({step["column"]: Numeric(code_share[column.codes])}))


def apply_drop_columns(step, table, live, mode):
    absent = [name for name in step["columns"] if name not in table.columns]
    if absent and mode == "train":
        raise PrepareError(f"The data has no column named {absent} to drop: an earlier step may have removed it.")
    return Output(Table({k: v for k, v in table.columns.items() if k not in step["columns"]}, table.n))


def apply_filter_rows(step, table, live, mode):
    column = table.get(step["column"])
    c = step["condition"]
    if c["kind"] == "range":
        if isinstance(column, Categorical):
            raise PrepareError(f'"{step["column"]}" holds categories, so it cannot be filtered by a range.')
        low = -math.inf if c["min"] is None else c["min"]
        high = math.inf if c["max"] is None else c["max"]
        with np.errstate(invalid="ignore"):
            passes = (column.values >= low) & (column.values <= high)
    elif c["kind"] == "missing":
        missing = np.isnan(column.values) if isinstance(column, Numeric) else column.codes == -1
        passes = missing == c["keep"]
    else:
        wanted = set(c["values"])
        if isinstance(column, Categorical):
            in_set = np.array([label in wanted for label in column.categories] + [False])
            found = in_set[column.codes]
        else:
            found = np.array([v == v and js_str(v) in wanted for v in column.values.tolist()], dtype=bool)
        passes = found == c["keep"]
    return Output(table, ~passes, "all")


def apply_drop_duplicates(step, table, live, mode):
    names = step["columns"] or list(table.columns)
    keys = []
    for name in names:
        column = table.get(name)
        if isinstance(column, Categorical):
            keys.append(column.codes.tolist())
        else:
            # Every NaN alike, 0 and -0 alike.
            keys.append([("nan" if v != v else v + 0.0) for v in column.values.tolist()])
    remove = np.zeros(table.n, dtype=bool)
    seen = set()
    for row in live.tolist():
        key = tuple(k[row] for k in keys)
        if key in seen:
            remove[row] = True
        else:
            seen.add(key)
    return Output(table, remove, "all")


def fit_cast(step, table, rows, target):
    if step["to"] != "datetime":
        return step
    column = table.get(step["column"])
    if isinstance(column, Numeric):
        return {**step, "fitted": {"dayMonthOrder": None}}
    raise PrepareError(
        f'Reading the text of "{step["column"]}" as dates is not ported to Python: set the column\'s type to datetime on the Data step instead.'
    )


def apply_cast(step, table, live, mode):
    column = table.get(step["column"])
    if step["to"] == "categorical":
        out = numbers_as_categories(column.values) if isinstance(column, Numeric) else column
    elif step["to"] == "numeric":
        if isinstance(column, Numeric):
            out = column
        else:
            by_category = np.array([parse_number(c) for c in column.categories] + [math.nan])
            out = Numeric(by_category[column.codes])
    else:
        if isinstance(column, Categorical):
            order = (step.get("fitted") or {}).get("dayMonthOrder")
            by_category = np.array([date_ms(c, order) for c in column.categories] + [math.nan])
            out = Numeric(by_category[column.codes])
        else:
            out = Numeric(numbers_to_dates(column.values))
    return Output(table.replaced(step["column"], [(step["column"], out)]))


def numbers_to_dates(values: np.ndarray) -> np.ndarray:
    """YYYYMMDD, Unix seconds or milliseconds to epoch ms, as the whole column reads."""
    present = values[~np.isnan(values)]
    if len(present) and np.all((present >= 19000101) & (present <= 21001231) & (present == np.floor(present))):
        out = np.full(len(values), math.nan)
        for i, v in enumerate(values.tolist()):
            if v == v:
                y, md = divmod(int(v), 10000)
                m, d = divmod(md, 100)
                try:
                    out[i] = float(np.datetime64(f"{y:04d}-{m:02d}-{d:02d}", "ms").astype(np.int64))
                except ValueError:
                    out[i] = math.nan
        return out
    if len(present) and np.all(np.abs(present) < 1e11):
        return values * 1000.0
    return values.copy()


DAY_MS = 86_400_000
CYCLE = {"month": 12, "weekday": 7, "hour": 24, "day-of-year": 365.25}
CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


def date_parts_of(ms: float) -> dict[str, int]:
    days = math.floor(ms / DAY_MS)
    in_day = ms - days * DAY_MS
    z = days + 719_468
    era = math.floor(z / 146_097)
    doe = z - era * 146_097
    yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36_524) - math.floor(doe / 146_096)) / 365)
    doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
    mp = math.floor((5 * doy + 2) / 153)
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    day = doy - math.floor((153 * mp + 2) / 5) + 1
    leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0
    return {
        "year": year,
        "quarter": (month - 1) // 3 + 1,
        "month": month,
        "day": day,
        "weekday": ((days + 3) % 7 + 7) % 7,
        "day-of-year": CUMULATIVE_DAYS[month - 1] + day + (1 if month > 2 and leap else 0),
        "hour": math.floor(in_day / 3_600_000),
        "minute": math.floor((in_day % 3_600_000) / 60_000),
    }


def apply_date_parts(step, table, live, mode):
    column = table.get(step["column"])
    if isinstance(column, Categorical):
        raise PrepareError(f'"{step["column"]}" holds text, not dates, so it cannot be split into date parts.')
    parts = list(dict.fromkeys(step["parts"]))
    outputs: list[tuple[str, np.ndarray]] = []
    for part in parts:
        name = f"{step['column']}.{part}"
        if step["cyclical"] and part in CYCLE:
            outputs += [(f"{name}_sin", np.full(table.n, math.nan)), (f"{name}_cos", np.full(table.n, math.nan))]
        else:
            outputs.append((name, np.full(table.n, math.nan)))
    for row, ms in enumerate(column.values.tolist()):
        if not abs(ms) <= 8.64e15:
            continue
        found = date_parts_of(ms)
        at = 0
        for part in parts:
            if step["cyclical"] and part in CYCLE:
                angle = 2 * math.pi * found[part] / CYCLE[part]
                outputs[at][1][row] = math.sin(angle)
                outputs[at + 1][1][row] = math.cos(angle)
                at += 2
            else:
                outputs[at][1][row] = found[part]
                at += 1
    return Output(table.replaced(step["column"], [(name, Numeric(v)) for name, v in outputs]))


# ---------------------------------------------------------------------------------------------
# Time-series windows (windows.ts) and text tokens (tokens.ts)


def numeric_series(table: Table, name: str) -> np.ndarray:
    column = table.get(name)
    if isinstance(column, Categorical):
        raise PrepareError(f'"{name}" holds categories, so it cannot be given lag inputs. Remove it from the windows step, or encode it into numbers (ordinal, frequency) in a step before.')
    return column.values


def series_order(table: Table, order_by: str | None, live: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The live rows in series order (ties keep file order), and the rows without an order value."""
    if order_by is None:
        return live, np.array([], dtype=np.int64)
    column = table.get(order_by)
    if isinstance(column, Categorical):
        raise PrepareError(f'Windows order rows by "{order_by}", which holds text. Set its type to datetime in the studio, or order by another date or number column.')
    values = column.values[live]
    present = live[~np.isnan(values)]
    return present[np.argsort(column.values[present], kind="stable")], live[np.isnan(values)]


def shifted(source: np.ndarray, order: np.ndarray, shift: int, n: int) -> np.ndarray:
    """`source` read `shift` positions along the series (negative: earlier), NaN beyond its ends."""
    out = np.full(n, math.nan)
    at = np.arange(len(order))
    ok = (at + shift >= 0) & (at + shift < len(order))
    out[order[at[ok]]] = source[order[at[ok] + shift]]
    return out


def apply_windows(step, table, live, mode, target):
    n = table.n
    columns = list(dict.fromkeys(step["columns"]))
    order, unplaced = series_order(table, step["orderBy"], live)
    history = step["lookback"] - 1
    has_target = target in table.columns
    if not has_target and (mode == "train" or target in columns):
        raise PrepareError(f'The data has no column named "{target}" (the target).')
    out = table
    for name in columns:
        values = numeric_series(table, name)
        lags = [(f"{name} (t)", Numeric(values.copy()))] if name == target else []
        lags += [(f"{name} (t-{k})", Numeric(shifted(values, order, -k, n))) for k in range(1, history + 1)]
        out = out.replaced(name, [(name, table.get(name))] + lags)
    future = None
    if has_target:
        column = table.get(target)
        if isinstance(column, Numeric):
            future = Numeric(shifted(column.values, order, step["horizon"], n))
        else:
            codes = np.full(n, -1, dtype=np.int64)
            h = step["horizon"]
            if len(order) > h:
                codes[order[: len(order) - h]] = column.codes[order[h:]]
            future = Categorical(codes, column.categories)
        out = out.with_columns({target: future})
    remove = np.zeros(n, dtype=bool)
    remove[unplaced] = True
    remove[order[: min(history, len(order))]] = True
    if mode == "train":
        last = len(order) - step["horizon"]
        remove[order[max(last, 0) :]] = True
        for i in range(history, last):
            row = order[i]
            missing = np.isnan(future.values[row]) if isinstance(future, Numeric) else future.codes[row] < 0
            if missing or (i - history) % step["stride"] != 0:
                remove[row] = True
    return Output(out, remove if remove.any() else None, "all")


def purge_training_gap(table: Table, step, parts: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The last `horizon` training rows in time order leave training (purge-gap.ts): their targets
    lie in the validation or test period."""
    train = parts["train"]
    later = np.concatenate([parts["validation"], parts["test"]])
    if len(train) == 0 or len(later) == 0:
        return parts
    column = table.columns.get(step["orderBy"]) if step["orderBy"] is not None else None
    key = column.values.astype(np.float64) if isinstance(column, Numeric) else np.arange(table.n, dtype=np.float64)
    if not np.any(key[later] > key[train].max()):
        return parts
    by_time = sorted(train.tolist(), key=lambda r: (-key[r], -r))
    purged = set(by_time[: step["horizon"]])
    return {**parts, "train": np.array([r for r in train.tolist() if r not in purged], dtype=np.int64)}


def char_is(c: str, kinds: str) -> bool:
    return unicodedata.category(c)[0] in kinds


def tokenize(text: str, lowercase: bool) -> list[str]:
    """tokens.ts' TOKEN expression by hand (Python's re has no \\p{L}): at each place the first of
    a cashtag ("$AAPL", "$BRK.B"), a number with separators ("1,000.50"), a word with inner
    apostrophes ("Nomura's") that matches; anything else separates tokens."""
    if re.search(r"[^\t\n\r -~]", text):
        text = unicodedata.normalize("NFKC", text)
    if lowercase:
        text = text.lower()
    tokens, i, n = [], 0, len(text)
    while i < n:
        end = cashtag_end(text, i) or number_end(text, i) or word_end(text, i)
        if end:
            tokens.append(text[i:end])
            i = end
        else:
            i += 1
    return tokens


def cashtag_end(t: str, i: int) -> int:
    n = len(t)
    if not (t[i] == "$" and i + 1 < n and char_is(t[i + 1], "L")):
        return 0
    j = i + 2
    while j < n and char_is(t[j], "LN"):
        j += 1
    if j < n and t[j] in "._-":
        letters = 0
        while letters < 2 and j + 1 + letters < n and char_is(t[j + 1 + letters], "L"):
            letters += 1
        for take in range(letters, 0, -1):
            end = j + 1 + take
            if end >= n or not char_is(t[end], "LN"):
                return end
    return j


def number_end(t: str, i: int) -> int:
    n = len(t)
    j = i
    while j < n and char_is(t[j], "N"):
        j += 1
    if j == i:
        return 0
    groups = 0
    while j + 1 < n and t[j] in ".," and char_is(t[j + 1], "N"):
        j += 1
        while j < n and char_is(t[j], "N"):
            j += 1
        groups += 1
    return j if groups else 0


def word_end(t: str, i: int) -> int:
    n = len(t)
    j = i
    while j < n and char_is(t[j], "LMN"):
        j += 1
    if j == i:
        return 0
    while j + 1 < n and t[j] in "'\u2019" and char_is(t[j + 1], "LMN"):
        j += 1
        while j < n and char_is(t[j], "LMN"):
            j += 1
    return j


def text_input(step, table: Table) -> Categorical:
    column = table.get(step["column"])
    if isinstance(column, Numeric):
        raise PrepareError(f'"{step["column"]}" holds numbers, not text, so it cannot be split into tokens.')
    return column


def fit_tokens(step, table, rows, target):
    refuse_target([step["column"]], target, "turned into token inputs")
    column = text_input(step, table)
    counts: dict[str, int] = {}
    for code, rows_with_text in enumerate(code_counts(column, rows).tolist()):
        if rows_with_text:
            for token in tokenize(column.categories[code], step["lowercase"]):
                counts[token] = counts.get(token, 0) + rows_with_text
    # Ties alphabetical as JavaScript compares strings: by UTF-16 code units.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].encode("utf-16-be")))
    return {**step, "fitted": {"vocabulary": [t for t, _ in ranked[: step["vocabularySize"] - 2]]}}


def apply_tokens(step, table, live, mode):
    vocabulary = fitted(step)["vocabulary"]
    column = text_input(step, table)
    length = step["sequenceLength"]
    ids = {token: i + 2 for i, token in enumerate(vocabulary)}
    # One id row per distinct text, and a last all-padding row for a missing text.
    by_code = np.zeros((len(column.categories) + 1, length))
    for code, text in enumerate(column.categories):
        found = [ids.get(token, 1) for token in tokenize(text, step["lowercase"])[:length]]
        by_code[code, : len(found)] = found
    grid = by_code[column.codes]  # code -1 reads the padding row
    outputs = [(f"{step['column']}[{i}]", Numeric(grid[:, i].copy())) for i in range(length)]
    return Output(table.replaced(step["column"], outputs))


def learns_nothing(step, table, rows, target):
    return step


def fit_refusing_target(doing: str):
    def fit(step, table, rows, target):
        refuse_target(step.get("columns") or [step.get("column")], target, doing)
        return step

    return fit


STEPS = {
    "drop-duplicates": (learns_nothing, apply_drop_duplicates),
    "drop-columns": (fit_refusing_target("dropped"), apply_drop_columns),
    "filter-rows": (learns_nothing, apply_filter_rows),
    "outliers": (fit_outliers, apply_outliers),
    "impute": (fit_impute, apply_impute),
    "cast": (fit_cast, apply_cast),
    "one-hot": (fit_one_hot, apply_one_hot),
    "ordinal": (fit_ordinal, apply_ordinal),
    "frequency": (fit_frequency, apply_frequency),
    "scale": (fit_scale, apply_scale),
    "log1p": (fit_refusing_target("log-transformed as an input"), apply_log1p),
    "date-parts": (fit_refusing_target("split into date parts"), apply_date_parts),
    "windows": (learns_nothing, apply_windows),  # applied with the target: see apply_step
    "tokens": (fit_tokens, apply_tokens),
}


def apply_step(step, table: Table, live: np.ndarray, mode: str, target: str) -> Output:
    """One fitted step on the live rows; windows alone need to know the target."""
    apply = step_functions(step)[1]
    return apply(step, table, live, mode, target) if step["op"] == "windows" else apply(step, table, live, mode)


def refuse_target(columns, target, doing):
    if target in columns:
        raise PrepareError(f'"{target}" is the target, so it cannot be {doing}. Remove it from this step.')


def fitted(step):
    if "fitted" not in step or step["fitted"] is None:
        raise PrepareError(f'The {step["op"]} step has not been fitted: export the recipe after preparing the data.')
    return step["fitted"]


def step_functions(step):
    if step["op"] not in STEPS:
        raise PrepareError(f'The "{step["op"]}" step is not ported to this Python project.')
    return STEPS[step["op"]]


# ---------------------------------------------------------------------------------------------
# Whole recipes


def transform_features(recipe: dict, table: Table) -> np.ndarray:
    """Rows to score through the fitted recipe, no row removed (the studio's transformFeatures).

    As in the studio's applyRecipe, rows an earlier step removes (a filter to one symbol) stay
    out of a windows step's series, as they were out of it in training.
    """
    every = np.arange(table.n)
    live = every
    current = table
    for step in recipe["steps"]:
        if not step["enabled"]:
            continue
        series = step["op"] == "windows"
        output = apply_step(step, current, live if series else every, "predict", recipe["target"]["column"])
        current = output.table
        if output.remove is not None and output.remove_from == "all" and not series:
            live = live[~output.remove[live]]
    return feature_matrix(current, [f["name"] for f in recipe["features"]], every)


def feature_matrix(table: Table, names: list[str], rows: np.ndarray) -> np.ndarray:
    """The model's inputs for `rows`, float32; a value still missing enters as 0."""
    out = np.empty((len(rows), len(names)), dtype=np.float32)
    for j, name in enumerate(names):
        column = table.get(name)
        if isinstance(column, Categorical):
            raise PrepareError(f'The input "{name}" should hold numbers after preparation.')
        values = column.values[rows]
        out[:, j] = np.where(np.isnan(values), 0.0, values)
    return out


@dataclass
class Prepared:
    recipe: dict  # fitted afresh with refit, else the recipe as given
    x: dict[str, np.ndarray]  # part -> inputs
    y: dict[str, np.ndarray]  # part -> labels (class index, or the standardised number)
    class_weights: list[float] | None
    rows: dict[str, np.ndarray]  # part -> row numbers in the file (0 = first data row)


def prepare_training(recipe: dict, table: Table, refit: bool = False) -> Prepared:
    """Split, then each enabled step fitted (refit) or taken from the recipe, applied to every live row."""
    target = recipe["target"]["column"]
    parts = split_rows(table, recipe)
    current = table
    steps = []
    for step in recipe["steps"]:
        if not step["enabled"]:
            steps.append(step)
            continue
        fit = step_functions(step)[0]
        if refit:
            step = fit(step, current, np.sort(parts["train"]), target)
        live = np.sort(np.concatenate([parts["train"], parts["validation"], parts["test"]]))
        output = apply_step(step, current, live, "train", target)
        if output.remove is not None:
            for name in ("train", "validation", "test") if output.remove_from == "all" else ("train",):
                parts[name] = parts[name][~output.remove[parts[name]]]
        if step["op"] == "windows":
            parts = purge_training_gap(output.table, step, parts)
        current = output.table
        steps.append(step)
    fitted_recipe = {**recipe, "steps": steps}
    target_spec = recipe["target"]
    label_column = current.get(target)
    if isinstance(label_column, Numeric):
        for name in parts:
            parts[name] = parts[name][~np.isnan(label_column.values[parts[name]])]
    if refit:
        names = time_major([n for n in current.columns if n != target], target, steps)
        fitted_recipe["features"] = [{"name": n, "sources": [n]} for n in names]
        if target_spec["task"] == "regression":
            mean, std, _ = mean_std(label_column.values, np.sort(parts["train"]))
            target_spec = {**target_spec, "scale": {"mean": 0.0 if math.isnan(mean) else mean, "std": std if std > 1e-12 else 1.0}}
            fitted_recipe["target"] = target_spec
    names = [f["name"] for f in fitted_recipe["features"]]
    class_weights = None
    if target_spec["task"] != "regression":
        balance = recipe["balance"]
        if balance["method"] == "class-weights":
            class_weights = balance.get("weights") or balanced_weights(current, target_spec, parts["train"])
        elif balance["method"] == "oversample":
            parts["train"] = oversample(current, target_spec, parts["train"], recipe["seed"])
    x = {name: feature_matrix(current, names, rows) for name, rows in parts.items()}
    y = {name: encode_target(target_spec, label_column, rows) for name, rows in parts.items()}
    return Prepared(fitted_recipe, x, y, class_weights, parts)


def window_grid(step, target: str) -> list[str]:
    """A windows step's inputs time-major, oldest first (model-input.ts windowGrid)."""
    columns = list(dict.fromkeys(step["columns"]))
    grid = [f"{c} (t-{k})" for k in range(step["lookback"] - 1, 0, -1) for c in columns]
    return grid + [f"{c} (t)" if c == target else c for c in columns]


def time_major(names: list[str], target: str, steps: list) -> list[str]:
    """The inputs in the order of the one windows step they are exactly, so rows reshape into
    [time steps, series] (prepare-data.ts timeMajor); other inputs keep the table's order."""
    for step in steps:
        if step["enabled"] and step["op"] == "windows":
            grid = window_grid(step, target)
            if sorted(grid) == sorted(names):
                return grid
    return names


def labels_of(column, rows: np.ndarray) -> list[str | None]:
    if isinstance(column, Numeric):
        return [None if v != v else js_str(v) for v in column.values[rows].tolist()]
    return [None if c < 0 else column.categories[c] for c in column.codes[rows].tolist()]


def encode_target(target: dict, column, rows: np.ndarray) -> np.ndarray:
    if target["task"] == "regression":
        scale = target["scale"]
        return ((column.values[rows] - scale["mean"]) / scale["std"]).astype(np.float32)
    index = {c: i for i, c in enumerate(target["classes"])}
    out = np.empty(len(rows), dtype=np.int64)
    for i, label in enumerate(labels_of(column, rows)):
        if label not in index:
            raise PrepareError(f"Row {rows[i] + 2} of the file has the target value {label!r}, which the recipe does not know ({target['classes']}).")
        out[i] = index[label]
    return out


def groups_by_class(column, target: dict, rows: np.ndarray) -> list[list[int]]:
    index = {c: i for i, c in enumerate(target["classes"])}
    groups: list[list[int]] = [[] for _ in target["classes"]]
    for row, label in zip(rows.tolist(), labels_of(column, rows)):
        if label in index:
            groups[index[label]].append(row)
    return groups


def balanced_weights(table: Table, target: dict, train: np.ndarray) -> list[float]:
    groups = groups_by_class(table.get(target["column"]), target, train)
    n = sum(len(g) for g in groups)
    present = sum(1 for g in groups if g)
    return [n / (present * len(g)) if g else 1.0 for g in groups]


def oversample(table: Table, target: dict, train: np.ndarray, seed: int) -> np.ndarray:
    groups = groups_by_class(table.get(target["column"]), target, train)
    largest = max((len(g) for g in groups), default=0)
    rng = Mulberry32(seed ^ 0x0BA1)
    out = train.tolist()
    for group in groups:
        if not group:
            continue
        extra = largest - len(group)
        for _ in range(extra // len(group)):
            out += group
        chosen = list(group)
        shuffle(chosen, rng)
        out += chosen[: extra % len(group)]
    return np.array(out, dtype=np.int64)


# ---------------------------------------------------------------------------------------------
# The split: the studio's seeded generator (mulberry32), so a file splits as it does in the page.


class Mulberry32:
    def __init__(self, seed: int):
        self.state = seed & M32

    def __call__(self) -> float:
        self.state = (self.state + 0x6D2B79F5) & M32
        t = self.state
        t = ((t ^ (t >> 15)) * (t | 1)) & M32
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & M32)) & M32
        return ((t ^ (t >> 14)) & M32) / 4294967296


def shuffle(values: list, rng: Mulberry32) -> None:
    for i in range(len(values) - 1, 0, -1):
        j = math.floor(rng() * (i + 1))
        values[i], values[j] = values[j], values[i]


def part_sizes(n: int, split: dict) -> dict[str, int]:
    test = min(n, math.ceil(split["test"] * n))
    rest = n - test
    validation = min(rest, math.ceil(split["validation"] / (split["train"] + split["validation"]) * rest)) if split["validation"] > 0 else 0
    return {"train": rest - validation, "validation": validation, "test": test}


def approximate_mode(counts: list[int], draws: int, rng: Mulberry32) -> list[int]:
    total = sum(counts)
    if total == 0:
        return [0 for _ in counts]
    continuous = [c / total * draws for c in counts]
    floored = [math.floor(c) for c in continuous]
    needed = draws - sum(floored)
    remainders = [c - f for c, f in zip(continuous, floored)]
    for value in sorted(set(remainders), reverse=True):
        if needed <= 0:
            break
        tied = [i for i, r in enumerate(remainders) if r == value]
        shuffle(tied, rng)
        for i in tied[:needed]:
            floored[i] += 1
        needed -= min(len(tied), needed)
    return floored


def keep_within(shares, targets, low, high) -> None:
    def pick(ok, score):
        best = -1
        for j in range(len(shares)):
            if ok(j) and (best < 0 or score(j) > score(best)):
                best = j
        return best

    for k in range(len(shares)):
        while shares[k] < low[k]:
            j = pick(lambda j: j != k and shares[j] > low[j], lambda j: shares[j] - targets[j])
            if j < 0:
                break
            shares[k] += 1
            shares[j] -= 1
        while shares[k] > high[k]:
            j = pick(lambda j: j != k and shares[j] < high[j], lambda j: targets[j] - shares[j])
            if j < 0:
                break
            shares[k] -= 1
            shares[j] += 1


def stratified_stage(counts, first, rng, goal):
    shares = approximate_mode(counts, first, rng)
    low, high, need_low, need_high = [], [], [], []
    for k, c in enumerate(counts):
        tf, ts = goal["first"][k], goal["second"][k]
        mf, ms = goal["min_first"][k], goal["min_second"][k]
        near_low = math.ceil(max(tf, c - ts) - 1 - 1e-9)
        near_high = math.floor(min(tf, c - ts) + 1 + 1e-9)
        must_low, must_high = (mf, c - ms) if mf + ms <= c else (0, c)
        lo, hi = max(near_low, must_low), min(near_high, must_high)
        fits = lo <= hi
        low.append(max(0, lo if fits else must_low))
        high.append(min(c, hi if fits else must_high))
        need_low.append(must_low)
        need_high.append(must_high)
    keep_within(shares, goal["first"], low, high)
    keep_within(shares, goal["first"], need_low, need_high)
    return shares


def cut_between_dates(times: list[float], cut: int, lowest: int, highest: int) -> int:
    """A cut moved out of a run of equal dates to the run's nearer end (split.ts cutBetweenDates)."""
    if cut <= 0 or cut >= len(times) or times[cut - 1] != times[cut]:
        return cut
    start = cut
    while start > 0 and times[start - 1] == times[cut]:
        start -= 1
    end = cut
    while end < len(times) and times[end] == times[cut]:
        end += 1
    options = [end, start] if end - cut <= cut - start else [start, end]
    return next((c for c in options if lowest < c < highest), cut)


def split_rows(table: Table, recipe: dict) -> dict[str, np.ndarray]:
    """The studio's split (src/core/recipe/split.ts) of the rows that have a target."""
    split = recipe["split"]
    target = recipe["target"]
    column = table.get(target["column"])
    labels = labels_of(column, np.arange(table.n))
    rows = [row for row, label in enumerate(labels) if label is not None]
    rng = Mulberry32(recipe["seed"])
    sizes = part_sizes(len(rows), split)
    if split["method"] == "chronological":
        order_by = split.get("orderBy")
        ordered = rows
        if order_by is not None:
            times = numeric_input(table, order_by, "used to order the rows")
            ordered = sorted((r for r in rows if times[r] == times[r]), key=lambda r: times[r])
            sizes = part_sizes(len(ordered), split)
        a, b = sizes["train"], sizes["train"] + sizes["validation"]
        if order_by is not None:
            # One day's rows (several stocks on a date) never sit on both sides of a cut.
            stamps = [times[r] for r in ordered]
            if sizes["validation"] == 0:
                a = b = cut_between_dates(stamps, b, 0, len(ordered))
            else:
                b = cut_between_dates(stamps, b, 1, len(ordered))
                a = cut_between_dates(stamps, a, 0, b)
        parts = [ordered[:a], ordered[a:b], ordered[b:]]
    elif split["method"] == "stratified":
        if target["task"] == "regression":
            raise PrepareError("A stratified split needs classes; choose a random split for a number target.")
        groups: dict[str, list[int]] = {}
        for row in rows:
            groups.setdefault(labels[row], []).append(row)
        ordered_groups = [groups[key] for key in sorted(groups)]
        for group in ordered_groups:
            shuffle(group, rng)
        n = len(rows)
        counts = [len(g) for g in ordered_groups]

        def share(size):
            return [0 if n == 0 else c * size / n for c in counts]

        rare = [1 if c >= 3 else 0 for c in counts]
        with_validation = 2 if sizes["validation"] > 0 else 1
        rest = stratified_stage(
            counts,
            sizes["train"] + sizes["validation"],
            rng,
            {"first": share(sizes["train"] + sizes["validation"]), "second": share(sizes["test"]), "min_first": [r * with_validation for r in rare], "min_second": rare},
        )
        train = (
            stratified_stage(rest, sizes["train"], rng, {"first": share(sizes["train"]), "second": share(sizes["validation"]), "min_first": rare, "min_second": rare})
            if sizes["validation"] > 0
            else rest
        )
        parts = [[], [], []]
        for k, group in enumerate(ordered_groups):
            for i, row in enumerate(group):
                parts[0 if i < train[k] else 1 if i < rest[k] else 2].append(row)
        for part in parts:
            shuffle(part, rng)
    else:
        order = list(rows)
        shuffle(order, rng)
        t, v = sizes["test"], sizes["validation"]
        parts = [order[t + v :], order[t : t + v], order[:t]]
    return {name: np.array(part, dtype=np.int64) for name, part in zip(("train", "validation", "test"), parts)}


def main() -> None:
    import argparse
    import json

    parser = argparse.ArgumentParser(description="Writes the model's inputs for the rows of a CSV, through the fitted recipe.")
    parser.add_argument("--data", required=True, help="CSV with the raw columns")
    parser.add_argument("--recipe", default="recipe.json")
    parser.add_argument("--out", required=True, help="CSV of the prepared inputs, one row per input row")
    parser.add_argument("--refit", action="store_true", help="fit the steps afresh on this file's training rows first")
    args = parser.parse_args()
    with open(args.recipe, encoding="utf-8") as handle:
        recipe = json.load(handle)
    table = read_csv(args.data, recipe["source"]["columns"])
    if args.refit:
        recipe = prepare_training(recipe, table, refit=True).recipe
    x = transform_features(recipe, table)
    with open(args.out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([f["name"] for f in recipe["features"]])
        writer.writerows([f"{v:.9g}" for v in row] for row in x.tolist())


if __name__ == "__main__":
    main()
