"""Strategy types: parameters, validation, and the target position each bar's close asks for.

``target_positions`` is the one place a signal is computed, for backtests and live signals
alike, so both see the same crossings. It returns an int8 array of 0/1: the holding wanted
AFTER that bar's close (the engine fills it at the next bar's open). Everything is vectorised;
the stateful rules (enter on one condition, exit on another) use a forward-fill of events
instead of a loop: each bar is +1 (enter), 0 (exit) or "no event", and a bar without an
event carries the last event forward. Before the first event the target is flat.

Conventions:

* Warm-up: where an indicator is not yet defined (NaN, or too few bars) there is no event, so
  the target stays flat until the first defined signal.
* Prices are quoted on a 0.01 CNY grid, so closes are taken as integer cents
  (``rint(close * 100)``) wherever a comparison can tie exactly. On that grid MA5 can equal
  MA20 exactly, and float moving averages then decide the crossing by rounding noise
  (DESIGN.md measured 37 flipped signals over 50 symbols). ``sma_cross`` therefore compares
  window sums of cents cross-multiplied (``sum5 * 20`` vs ``sum20 * 5``), exact in int64;
  ``bollinger_breakout`` compares C with MID the same way (UPPER = MID + k*STD involves a
  square root, so that side is float, but a zero-width band is exactly 0); ``momentum``
  compares cents with the threshold as an exact decimal.
* Ties: a comparison of two series (``sma_cross`` MA(fast) vs MA(slow), ``macd_trend`` DIF vs
  DEA) keeps the previous state on an exact tie; a comparison with a threshold or band
  (``rsi_reversion``, ``bollinger_breakout``, ``momentum``) is a strict inequality, so a tie
  is "no event" for the enter/exit rules and "flat" for ``momentum``.
* Indicators are the terminal formulas of ``mystocks.domain.indicators`` (RSI with the
  terminal SMA smoothing, MACD with seeded EMAs, BOLL with the sample STD), so a signal matches
  the chart a user compares it with.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

import numpy as np
import numpy.typing as npt

from mystocks.domain import indicators
from mystocks.domain.indicators import OHLC

__all__ = [
    "STRATEGY_TYPES",
    "Parameter",
    "Params",
    "StrategyType",
    "cents",
    "target_positions",
    "validate_parameters",
]

Params = dict[str, int | float]
Int8Array = npt.NDArray[np.int8]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

# momentum's threshold is compared exactly as a decimal with this many places (1e-6 = 0.0001%).
_THRESHOLD_SCALE = 1_000_000


@dataclass(frozen=True)
class Parameter:
    """One parameter of a strategy type; bounds are inclusive."""

    name: str
    kind: Literal["int", "float"]
    minimum: float
    maximum: float
    default: float
    description: str


@dataclass(frozen=True)
class StrategyType:
    """A strategy type as the API describes it. ``rule`` states the signal in words;
    ``constraints`` the cross-parameter rules ``validate_parameters`` enforces."""

    name: str
    title: str
    rule: str
    parameters: tuple[Parameter, ...]
    constraints: tuple[str, ...]
    _check: Callable[[Params], str | None]
    _signal: Callable[[Params, OHLC], Int8Array]


# --- vectorised building blocks ----------------------------------------------------------


def cents(prices: FloatArray) -> IntArray:
    """Prices in CNY -> integer cents, rounded to the nearest cent (the 0.01 tick grid)."""
    return np.rint(np.asarray(prices, dtype=np.float64) * 100.0).astype(np.int64)


def _window_sums(x: IntArray, n: int) -> IntArray:
    """Sum of the last n values at each bar (exact int64), 0 during the n-1 warm-up bars."""
    out = np.zeros(x.shape[0], dtype=np.int64)
    if x.shape[0] >= n:
        acc = np.concatenate(([0], np.cumsum(x)))
        out[n - 1 :] = acc[n:] - acc[:-n]
    return out


def _hold(enter: BoolArray, leave: BoolArray) -> Int8Array:
    """1 from each ``enter`` bar, 0 from each ``leave`` bar, carried forward between events.

    Forward fill by index: every event bar records its own index, ``maximum.accumulate``
    carries the latest one forward, and the state is read from that bar. Both masks are never
    true together for the strategies here; ``leave`` would win.
    """
    n = enter.shape[0]
    events = enter | leave
    last = np.maximum.accumulate(np.where(events, np.arange(n), -1)) if n else np.zeros(0, int)
    state = enter & ~leave
    return np.where(last >= 0, state[np.maximum(last, 0)], False).astype(np.int8)


def _long_while(condition: BoolArray) -> Int8Array:
    return condition.astype(np.int8)


# --- the five signals ---------------------------------------------------------------------


def _sma_cross(p: Params, o: OHLC) -> Int8Array:
    fast, slow = int(p["fast"]), int(p["slow"])
    c = cents(o.close)
    # MA(fast) > MA(slow)  <=>  sum_fast/fast > sum_slow/slow  <=>  sum_fast*slow > sum_slow*fast:
    # integers throughout, so a tie is a tie. |cents| * 500 * 500 fits int64 by far.
    diff = _window_sums(c, fast) * slow - _window_sums(c, slow) * fast
    defined = np.arange(c.shape[0]) >= slow - 1
    return _hold(defined & (diff > 0), defined & (diff < 0))


def _rsi_reversion(p: Params, o: OHLC) -> Int8Array:
    value = indicators.rsi(o.close, int(p["period"]))
    # NaN compares false on both sides: no event during the warm-up bar.
    return _hold(value < float(p["lower"]), value > float(p["upper"]))


def _bollinger_breakout(p: Params, o: OHLC) -> Int8Array:
    n = int(p["period"])
    bands = indicators.boll(o.close, n, float(p["k"]))
    band = bands["UPPER"] - bands["MID"]  # k*STD, from the terminal formula (0 exactly if flat)
    c = cents(o.close)
    # n*(close - MID) in cents, exact: exits on close == MID are ties, not float noise.
    above_mid = c * n - _window_sums(c, n)
    defined = ~np.isnan(band)
    enter = defined & (above_mid > 0) & (above_mid > band * 100.0 * n)
    return _hold(enter, defined & (above_mid < 0))


def _macd_trend(p: Params, o: OHLC) -> Int8Array:
    lines = indicators.macd(o.close, int(p["fast"]), int(p["slow"]), int(p["signal"]))
    dif, dea = lines["DIF"], lines["DEA"]
    return _hold(dif > dea, dif < dea)


def _momentum(p: Params, o: OHLC) -> Int8Array:
    lookback = int(p["lookback"])
    c = cents(o.close)
    # close/lag - 1 > t  <=>  close*S > lag*(S + t*S) with t a decimal of 6 places: exact.
    t = round(float(p["threshold"]) * _THRESHOLD_SCALE)
    out = np.zeros(c.shape[0], dtype=np.int8)
    if c.shape[0] > lookback:
        now, lag = c[lookback:], c[:-lookback]
        out[lookback:] = now * _THRESHOLD_SCALE > lag * (_THRESHOLD_SCALE + t)
    return out


# --- registry -----------------------------------------------------------------------------


def _ordered(a: str, b: str) -> Callable[[Params], str | None]:
    def check(p: Params) -> str | None:
        if p[a] < p[b]:
            return None
        return f"{a} must be less than {b}, got {a}={p[a]:g} and {b}={p[b]:g}"

    return check


def _int(name: str, low: int, high: int, default: int, text: str) -> Parameter:
    return Parameter(name, "int", low, high, default, text)


def _float(name: str, low: float, high: float, default: float, text: str) -> Parameter:
    return Parameter(name, "float", low, high, default, text)


_TYPES = (
    StrategyType(
        "sma_cross",
        "Moving-average crossover",
        "Long while MA(C,fast) > MA(C,slow), flat while MA(C,fast) < MA(C,slow); on an exact "
        "tie the previous state is kept. Compared exactly in integer cents. Flat for the first "
        "slow-1 bars.",
        (
            _int("fast", 1, 250, 5, "bars in the fast simple moving average"),
            _int("slow", 2, 500, 20, "bars in the slow simple moving average"),
        ),
        ("fast < slow",),
        _ordered("fast", "slow"),
        _sma_cross,
    ),
    StrategyType(
        "rsi_reversion",
        "RSI mean reversion",
        "Enter long when RSI(period) < lower, exit when RSI(period) > upper, hold the state in "
        "between (strict inequalities). Terminal RSI: 0 while no price change has happened "
        "(0/0 is 0), so a series that starts flat enters at once.",
        (
            _int("period", 2, 100, 6, "RSI period"),
            _float("lower", 1, 50, 20, "enter below this RSI"),
            _float("upper", 50, 99, 80, "exit above this RSI"),
        ),
        ("lower < upper",),
        _ordered("lower", "upper"),
        _rsi_reversion,
    ),
    StrategyType(
        "bollinger_breakout",
        "Bollinger band breakout",
        "Enter long when C > UPPER, exit when C < MID, hold the state in between (strict "
        "inequalities; C vs MID compared exactly in cents). BOLL(period, k) with the sample "
        "STD. Flat for the first period-1 bars.",
        (
            _int("period", 5, 250, 20, "bars in the middle band"),
            _float("k", 0.5, 5, 2, "band width in standard deviations"),
        ),
        (),
        lambda p: None,
        _bollinger_breakout,
    ),
    StrategyType(
        "macd_trend",
        "MACD trend",
        "Long while DIF > DEA, flat while DIF < DEA; on an exact tie the previous state is "
        "kept. Terminal MACD with seeded EMAs (no warm-up).",
        (
            _int("fast", 2, 100, 12, "fast EMA period"),
            _int("slow", 3, 200, 26, "slow EMA period"),
            _int("signal", 2, 100, 9, "EMA period of DIF giving DEA"),
        ),
        ("fast < slow",),
        _ordered("fast", "slow"),
        _macd_trend,
    ),
    StrategyType(
        "momentum",
        "Price momentum",
        "Long while C / REF(C,lookback) - 1 > threshold (strict), otherwise flat; threshold "
        "is taken to 6 decimal places and compared exactly in cents. Flat for the first "
        "lookback bars.",
        (
            _int("lookback", 1, 250, 20, "bars back to compare the close with"),
            _float("threshold", -0.5, 1.0, 0.0, "minimum return over lookback bars to be long"),
        ),
        (),
        lambda p: None,
        _momentum,
    ),
)

STRATEGY_TYPES: Mapping[str, StrategyType] = MappingProxyType({t.name: t for t in _TYPES})


def _strategy(strategy_type: str) -> StrategyType:
    found = STRATEGY_TYPES.get(strategy_type)
    if found is None:
        names = ", ".join(STRATEGY_TYPES)
        raise ValueError(f"unknown strategy type {strategy_type!r}; expected one of {names}")
    return found


def validate_parameters(strategy_type: str, params: Mapping[str, object] | None) -> Params:
    """Check ``params`` against the type and return them complete (defaults fill the gaps).

    Integer parameters come back as ``int`` (a whole float such as 5.0 is accepted), float
    parameters as ``float``. Raises ValueError with a client-facing message for an unknown type
    or parameter, a non-number, a non-integer int, a value out of bounds, or a broken
    cross-parameter rule.
    """
    spec = _strategy(strategy_type)
    given = dict(params or {})
    known = {p.name for p in spec.parameters}
    unknown = sorted(set(given) - known)
    if unknown:
        raise ValueError(
            f"{strategy_type} has no parameter {', '.join(map(repr, unknown))}; "
            f"its parameters are {', '.join(p.name for p in spec.parameters)}"
        )
    out: Params = {}
    for p in spec.parameters:
        value = given.get(p.name, p.default)
        where = f"{strategy_type} parameter {p.name}"
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(f"{where} must be a number, got {value!r}")
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{where} must be finite, got {number}")
        if p.kind == "int" and number != int(number):
            raise ValueError(f"{where} must be a whole number, got {number:g}")
        if not p.minimum <= number <= p.maximum:
            raise ValueError(
                f"{where} must be between {p.minimum:g} and {p.maximum:g}, got {number:g}"
            )
        out[p.name] = int(number) if p.kind == "int" else number
    problem = spec._check(out)
    if problem is not None:
        raise ValueError(f"{strategy_type}: {problem}")
    return out


def target_positions(
    strategy_type: str, params: Mapping[str, object] | None, ohlc: OHLC
) -> Int8Array:
    """Validate ``params`` and return the wanted holding (0 or 1, int8) after each bar's close."""
    spec = _strategy(strategy_type)
    return spec._signal(validate_parameters(strategy_type, params), ohlc)
