"""Screening conditions: parse and check them, say how many bars they need, evaluate them.

A condition is the contract's `ScreenCondition` (a dict tagged by `kind`). `parse` checks what
the contract cannot (indicator names and parameters, outputs, nesting depth) and raises
RuleViolation naming the JSON path of the bad part (`condition.conditions[1].left.params[0]`).

Evaluation is vectorised across the universe: a `Panel` holds each bar field as a 2-D array
(symbols x bars, the as-of day in the last column, shorter histories left-padded with NaN), and
every condition becomes one boolean vector over symbols. Indicators are those of the indicators
endpoint (`services.indicators`, run on the 2-D arrays). A windowed indicator (MA, BOLL, ATR)
over its window equals the endpoint's value; a recursive one (EMA, MACD, RSI, KDJ) is warmed up
over `WARMUP` times its longest period, after which its seed weighs less than e^-20 (about 2e-9)
of the value: the endpoint's figure to its 6 decimals for prices.

A value not yet defined (warm-up, too short a history) makes a leaf undecided: it matches
neither the leaf nor its `not`. Ties are defined: values within `TIE` (relative) of each other
are equal, so `gt` fails and `gte` holds, and a cross needs the fast line strictly beyond.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from mystocks.domain import indicators as ind
from mystocks.errors import FieldProblem, RuleViolation

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

MAX_DEPTH = 5  # levels of conditions, the root being 1
MAX_NODES = 100
TIE = 1e-9  # relative difference under which two values count as equal
WARMUP = 20  # bars per period of a recursive indicator's longest period
RECURSIVE = frozenset({"EMA", "MACD", "RSI", "KDJ"})
PER_PERIOD = frozenset({"MA", "EMA", "RSI"})
# The contract's default output where it is not the indicator's first series (ATR lists TR first).
DEFAULT_OUTPUT = {"ATR": "ATR"}
FIELDS = ("open", "high", "low", "close", "volume", "amount")

_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "gt": np.greater,
    "gte": np.greater_equal,
    "lt": np.less,
    "lte": np.less_equal,
}


@dataclass
class Panel:
    """The universe's bars: each field symbols x bars, the as-of day last."""

    symbols: list[str]
    fields: dict[str, FloatArray]
    _cache: dict[tuple[str, tuple[float, ...]], ind.Series] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.symbols)

    def indicator(self, name: str, params: tuple[float, ...]) -> ind.Series:
        key = (name, params)
        if key not in self._cache:  # one computation per indicator however often it appears
            f = self.fields
            ohlc = ind.OHLC(f["open"], f["high"], f["low"], f["close"], f["volume"])
            self._cache[key] = ind.compute(name, ohlc, params)
        return self._cache[key]


# --- the parsed tree -----------------------------------------------------------------------


@dataclass(frozen=True)
class Operand:
    label: str | None  # None for a number, which is not reported among the values
    bars: int  # how many bars it needs up to the as-of day
    needs: frozenset[str]  # the bar fields it reads
    value: float = math.nan
    field: str = ""
    indicator: str = ""
    params: tuple[float, ...] = ()
    output: str = ""

    def series(self, panel: Panel) -> FloatArray:
        """Its values, symbols x bars (a number broadcasts)."""
        if self.label is None:
            return np.full((panel.size, 1), self.value)
        if self.indicator:
            return np.asarray(panel.indicator(self.indicator, self.params)[self.output])
        if self.field == "change_pct":
            close = panel.fields["close"]
            prev = np.full(close.shape, np.nan)
            prev[:, 1:] = close[:, :-1]
            with np.errstate(divide="ignore", invalid="ignore"):
                return np.asarray((close - prev) / prev * 100.0, dtype=np.float64)
        return panel.fields[self.field]


@dataclass(frozen=True)
class Node:
    kind: str
    bars: int  # how many bars it needs up to the as-of day
    args: Mapping[str, Any]
    children: tuple[Node, ...] = ()
    fields: frozenset[str] = frozenset({"close"})  # the bar fields it reads


def _bad(path: str, detail: str) -> RuleViolation:
    return RuleViolation(f"{path}: {detail}", (FieldProblem("body", path, detail),))


def _operand(raw: Any, path: str) -> Operand:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if not math.isfinite(raw):
            raise _bad(path, "must be a finite number")
        return Operand(None, 1, frozenset(), value=float(raw))
    if not isinstance(raw, dict):
        raise _bad(path, "must be a number, a field or an indicator")
    if "field" in raw:
        name = raw["field"]
        needs = frozenset({"close" if name == "change_pct" else name})
        return Operand(name, 2 if name == "change_pct" else 1, needs, field=name)
    return _indicator(raw, path)


def _indicator(raw: Mapping[str, Any], path: str) -> Operand:
    name = str(raw.get("indicator", "")).upper()
    spec = ind.INDICATORS.get(name)
    if spec is None:
        known = ", ".join(ind.INDICATORS)
        raise _bad(f"{path}.indicator", f"is not an indicator; expected one of {known}")
    given = raw.get("params")
    params = tuple(float(p) for p in given) if given else spec.default_params
    if name in PER_PERIOD and given is None:
        params = params[:1]
    if name in PER_PERIOD and len(params) != 1:
        raise _bad(f"{path}.params", f"{name} takes one period in a screen")
    try:
        ind.validate(name, params)
    except ind.ParameterError as exc:
        where = f"{path}.params" if exc.index is None else f"{path}.params[{exc.index}]"
        raise _bad(where, str(exc)) from None
    try:  # the rules between parameters (MACD fast < slow) and the names of the outputs
        dry = np.zeros(1)
        outputs = list(ind.compute(name, ind.OHLC(dry, dry, dry, dry, dry), params))
    except ValueError as exc:
        raise _bad(f"{path}.params", str(exc)) from None
    output = str(raw.get("output") or DEFAULT_OUTPUT.get(name, outputs[0])).upper()
    if output not in outputs:
        raise _bad(f"{path}.output", f"is not an output of {name}; expected one of {outputs}")
    shown = ",".join(f"{p:g}" for p in params)
    label = f"{name}({shown})" if name in PER_PERIOD else f"{name}({shown}).{output}"
    longest = int(max(params[:1] if name == "BOLL" else params))
    bars = longest * WARMUP + 1 if name in RECURSIVE else longest + 1
    needs = frozenset({"high", "low", "close"} if name in ("KDJ", "ATR") else {"close"})
    return Operand(label, bars, needs, indicator=name, params=params, output=output)


def parse(raw: Mapping[str, Any], path: str = "condition") -> Node:
    """The condition as a checked tree; RuleViolation (422) naming the bad part."""
    count = [0]
    return _parse(raw, path, 1, count)


def _parse(raw: Mapping[str, Any], path: str, depth: int, count: list[int]) -> Node:
    if depth > MAX_DEPTH:
        raise _bad(path, f"nests too deep: conditions go at most {MAX_DEPTH} levels deep")
    count[0] += 1
    if count[0] > MAX_NODES:
        raise _bad(path, f"one screen holds at most {MAX_NODES} conditions")
    kind = raw.get("kind")
    if kind in ("all", "any"):
        subs = raw.get("conditions") or []
        children = tuple(
            _parse(c, f"{path}.conditions[{i}]", depth + 1, count) for i, c in enumerate(subs)
        )
        fields = frozenset().union(*(c.fields for c in children))
        return Node(kind, max(c.bars for c in children), {}, children, fields)
    if kind == "not":
        child = _parse(raw["condition"], f"{path}.condition", depth + 1, count)
        return Node(kind, child.bars, {}, (child,), child.fields)
    if kind == "compare":
        left, right = _operand(raw["left"], f"{path}.left"), _operand(raw["right"], f"{path}.right")
        args = {"left": left, "right": right, "op": raw["op"]}
        fields = left.needs | right.needs or frozenset({"close"})
        return Node(kind, max(left.bars, right.bars), args, (), fields)
    if kind == "cross":
        fast, slow = _operand(raw["fast"], f"{path}.fast"), _operand(raw["slow"], f"{path}.slow")
        within = int(raw.get("within_days", 1))
        args = {"fast": fast, "slow": slow, "above": raw.get("direction", "above") == "above"}
        bars = max(fast.bars, slow.bars) + within
        fields = fast.needs | slow.needs or frozenset({"close"})
        return Node(kind, bars, {**args, "within": within}, (), fields)
    if kind in ("change", "breakout", "volume_ratio"):
        days = int(raw["days"])
        reads = {
            "change": {"close"},
            "breakout": {"close", "high" if raw.get("direction", "high") == "high" else "low"},
            "volume_ratio": {"volume"},
        }[kind]
        return Node(kind, days + 1, dict(raw), (), frozenset(reads))
    raise _bad(f"{path}.kind", f"is not a kind of condition: {kind!r}")


# --- evaluation ----------------------------------------------------------------------------


@dataclass
class Outcome:
    """Per symbol: whether it matches, whether it could be decided, and the values looked at."""

    match: BoolArray
    known: BoolArray
    values: dict[str, FloatArray]


def evaluate(node: Node, panel: Panel) -> Outcome:
    kind = node.kind
    if kind in ("all", "any"):
        parts = [evaluate(c, panel) for c in node.children]
        values = {k: v for p in parts for k, v in p.values.items()}
        matches = np.vstack([p.match for p in parts])
        knowns = np.vstack([p.known for p in parts])
        if kind == "all":
            return Outcome(_bools(matches.all(axis=0)), _bools(knowns.all(axis=0)), values)
        return Outcome(_bools(matches.any(axis=0)), _bools(knowns.any(axis=0)), values)
    if kind == "not":
        inner = evaluate(node.children[0], panel)
        return Outcome(inner.known & ~inner.match, inner.known, inner.values)
    return _leaf(node, panel)


def _bools(x: Any) -> BoolArray:
    return np.asarray(x, dtype=np.bool_)


def _last(series: FloatArray) -> FloatArray:
    return np.asarray(series[:, -1], dtype=np.float64)


def _labelled(*pairs: tuple[str | None, FloatArray]) -> dict[str, FloatArray]:
    return {label: values for label, values in pairs if label is not None}


def _tie(left: FloatArray, right: FloatArray) -> BoolArray:
    """Equal up to TIE relative: on a 0.01 price grid a moving average can equal the close
    exactly, and float rounding would otherwise decide `close > MA(20)` by noise (TA-Lib's
    running sum and pandas' disagree in the last bit)."""
    with np.errstate(invalid="ignore"):
        return _bools(np.abs(left - right) <= TIE * np.maximum(np.abs(left), np.abs(right)))


def _decide(op: str, left: FloatArray, right: FloatArray) -> tuple[BoolArray, BoolArray]:
    known = np.isfinite(left) & np.isfinite(right)
    tie = _tie(left, right)
    with np.errstate(invalid="ignore"):
        strict = _OPS[op](left, right) & ~tie
    return _bools(known & (strict | tie if op in ("gte", "lte") else strict)), known


def _leaf(node: Node, panel: Panel) -> Outcome:
    a, f = node.args, panel.fields
    kind = node.kind
    if kind == "compare":
        left, right = _last(a["left"].series(panel)), _last(a["right"].series(panel))
        match, known = _decide(a["op"], left, right)
        return Outcome(match, known, _labelled((a["left"].label, left), (a["right"].label, right)))
    if kind == "cross":
        within = a["within"]
        fast = _widen(a["fast"].series(panel), panel)[:, -within - 1 :]
        slow = _widen(a["slow"].series(panel), panel)[:, -within - 1 :]
        tie = _tie(fast, slow)
        with np.errstate(invalid="ignore"):
            beyond = ((fast > slow) if a["above"] else (fast < slow)) & ~tie
        crossed = beyond[:, 1:] & ~beyond[:, :-1]
        known = _bools(np.isfinite(fast).all(axis=1) & np.isfinite(slow).all(axis=1))
        values = _labelled((a["fast"].label, fast[:, -1]), (a["slow"].label, slow[:, -1]))
        return Outcome(crossed.any(axis=1) & known, known, values)
    days = int(a["days"])
    close = f["close"]
    if kind == "change":
        with np.errstate(divide="ignore", invalid="ignore"):
            before = close[:, -days - 1]
            # (c - b) / b rather than c / b - 1: 10 -> 12 is exactly 20%, not 19.999...
            pct = (close[:, -1] - before) / before * 100.0
        match, known = _decide(a["op"], pct, np.full(panel.size, float(a["pct"])))
        return Outcome(match, known, {f"change({days})": pct})
    if kind == "breakout":
        high = a.get("direction", "high") == "high"
        window = (f["high"] if high else f["low"])[:, -days - 1 : -1]
        # A window with a missing bar (too short a history) is undecided, never a breakout.
        with np.errstate(invalid="ignore"):
            edge = window.max(axis=1) if high else window.min(axis=1)
        match, known = _decide("gt" if high else "lt", close[:, -1], edge)
        label = f"{'high' if high else 'low'}({days})"
        return Outcome(match, known, {"close": close[:, -1], label: edge})
    if kind == "volume_ratio":
        volume = f["volume"]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = volume[:, -1] / volume[:, -days - 1 : -1].mean(axis=1)
        match, known = _decide(a["op"], ratio, np.full(panel.size, float(a["ratio"])))
        return Outcome(match, known, {f"volume_ratio({days})": ratio})
    raise AssertionError(f"unparsed kind {kind}")


def _widen(series: FloatArray, panel: Panel) -> FloatArray:
    """A number's one column as wide as the panel, so a cross can slice its days."""
    width = panel.fields["close"].shape[1]
    return np.broadcast_to(series, (panel.size, width)) if series.shape[1] == 1 else series
