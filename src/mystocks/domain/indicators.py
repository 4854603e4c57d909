"""Technical indicators computed the way 通达信 / 同花顺 display them.

Terminal formulas differ from TA-Lib defaults in seeds, smoothing and variance divisors, and
users compare our numbers with their terminal, so every indicator follows the terminal. All
functions are pure and vectorised. Inputs are float64 arrays, oldest bar first, without gaps
(a suspended day is an absent row, not a NaN). Every output has the input's length, with NaN
where the value is not yet defined (warm-up).

Every function also takes 2-D arrays (symbols x bars, oldest bar first along the last axis), as
screening does to run one indicator over a whole universe at once. A row left-padded with NaN
(a symbol with fewer bars) gives exactly the 1-D result of its unpadded bars: each primitive
starts where its row's data starts, as the 1-D version starts at the first bar.

Conventions (each indicator's ``formula`` string repeats its own, for the OpenAPI spec):

* ``SMA(X,N,M)``: ``Y = (M*X + (N-M)*Y') / N``, seeded with ``Y = X`` on the first bar where X
  is defined; this is ``pandas.ewm(alpha=M/N, adjust=False)``.
* ``EMA(X,N)``: ``Y = (2*X + (N-1)*Y') / (N+1)`` seeded with ``Y = X`` on the first bar, so no
  NaN warm-up. It is SMA(X, N+1, 2).
* ``MA(X,N)``: simple mean of the last N values, NaN for the first N-1 bars (``talib.SMA``).
* ``STD(X,N)``: sample standard deviation (divisor N-1), unlike TA-Lib ``BBANDS`` (divisor N).
* Division by zero yields 0, as in the terminal's formula language: RSI is 0 while no price
  change has happened yet, and KDJ's RSV is 0 when HHV = LLV.
* ATR is the simple mean of TR (terminal), not TA-Lib's Wilder smoothing.

Registry: ``INDICATORS`` maps a name to an ``IndicatorSpec``. ``param_bounds`` and
``integer_params`` are per-position tuples of length ``max_params`` (BOLL's K is fractional with
its own bounds). ``compute`` validates parameters and raises ``ValueError`` with a message
meant for API clients. Output series keep the documented insertion order; for MA / EMA / RSI
the order of the requested periods.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import numpy.typing as npt
import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # no pandas-stubs
import talib
from numpy.lib.stride_tricks import sliding_window_view

FloatArray = npt.NDArray[np.float64]
Series = dict[str, FloatArray]

__all__ = [
    "INDICATORS",
    "OHLC",
    "IndicatorSpec",
    "ParameterError",
    "atr",
    "boll",
    "compute",
    "ema",
    "kdj",
    "ma",
    "macd",
    "rsi",
    "sma",
    "validate",
]


@dataclass(frozen=True)
class OHLC:
    """Daily (or other) bars as parallel float64 arrays, oldest first."""

    open: FloatArray
    high: FloatArray
    low: FloatArray
    close: FloatArray
    volume: FloatArray

    def __post_init__(self) -> None:
        # Coerce once here so every indicator can rely on 1-D float64 of equal length.
        # Two-dimensional (symbols x bars) arrays are the screening's whole-universe form.
        lengths = set()
        for field in ("open", "high", "low", "close", "volume"):
            arr = np.asarray(getattr(self, field), dtype=np.float64)
            if arr.ndim not in (1, 2):
                raise ValueError(f"OHLC.{field} must be one-dimensional (or symbols x bars)")
            object.__setattr__(self, field, arr)
            lengths.add(arr.shape)
        if len(lengths) > 1:
            raise ValueError(f"OHLC arrays have different lengths: {sorted(lengths)}")


# --- primitives ----------------------------------------------------------------------------


def sma(x: FloatArray, n: float, m: float = 1.0) -> FloatArray:
    """Terminal SMA(X,N,M): Y = (M*X + (N-M)*Y')/N, seeded with the first non-NaN X."""
    if not 0 < m <= n:
        raise ValueError(f"SMA needs 0 < M <= N, got N={n:g}, M={m:g}")
    # ewm(adjust=False) is exactly this recursion; leading NaNs stay NaN and the first valid
    # value becomes the seed, which is how the terminal starts the recursion.
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim == 2:  # one column per symbol: the same recursion, column by column
        frame = pd.DataFrame(arr.T).ewm(alpha=m / n, adjust=False).mean()
        return np.ascontiguousarray(frame.to_numpy(dtype=np.float64).T)
    smoothed = pd.Series(arr, dtype="float64").ewm(alpha=m / n, adjust=False).mean()
    return np.asarray(smoothed.to_numpy(), dtype=np.float64)


def ema(x: FloatArray, n: int) -> FloatArray:
    """Terminal EMA(X,N): Y = (2*X + (N-1)*Y')/(N+1), seeded with the first value."""
    return sma(x, n + 1, 2)  # alpha = 2/(N+1): the same recursion and seed as SMA(X,N+1,2)


def ma(x: FloatArray, n: int) -> FloatArray:
    """Simple moving average of the last n values, NaN for the first n-1 bars."""
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim == 2:
        # TA-Lib is 1-D; it skips a row's leading NaNs, so a padded row equals its 1-D result.
        out = np.full(arr.shape, np.nan)
        for i, row in enumerate(arr):
            out[i] = talib.SMA(row, timeperiod=n)
        return out
    return np.asarray(talib.SMA(arr, timeperiod=n), dtype=np.float64)


def _std(x: FloatArray, n: int) -> FloatArray:
    """Rolling sample standard deviation (ddof=1, terminal STD), NaN for the first n-1 bars."""
    out = np.full(x.shape, np.nan)
    if x.shape[-1] >= n:
        # Two-pass std per window: exact for constant windows, where running-sum formulas
        # can leave a tiny non-zero band width.
        out[..., n - 1 :] = np.std(sliding_window_view(x, n, axis=-1), axis=-1, ddof=1)
    return out


def _rolling(x: FloatArray, n: int, how: str) -> FloatArray:
    """Rolling min or max over the last n values (fewer at the start), along the last axis."""
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim == 2:
        frame = getattr(pd.DataFrame(arr.T).rolling(n, min_periods=1), how)()
        return np.ascontiguousarray(frame.to_numpy(dtype=np.float64).T)
    return np.asarray(getattr(pd.Series(arr).rolling(n, min_periods=1), how)(), dtype=np.float64)


def _div0(num: FloatArray, den: FloatArray) -> FloatArray:
    """num/den with 0 where den == 0 (terminal semantics); NaN operands stay NaN."""
    zero = den == 0
    return np.where(zero, 0.0, num / np.where(zero, 1.0, den))


def _prev(x: FloatArray) -> FloatArray:
    """REF(X,1): the previous bar's value, NaN on the first bar."""
    out = np.full(x.shape, np.nan)
    out[..., 1:] = x[..., :-1]
    return out


# --- indicators ----------------------------------------------------------------------------


def macd(close: FloatArray, fast: int = 12, slow: int = 26, signal: int = 9) -> Series:
    """DIF = EMA(C,fast) - EMA(C,slow); DEA = EMA(DIF,signal); MACD = 2*(DIF - DEA)."""
    if fast >= slow:
        raise ValueError(f"MACD needs fast < slow, got fast={fast}, slow={slow}")
    dif = ema(close, fast) - ema(close, slow)
    dea = ema(dif, signal)
    return {"DIF": dif, "DEA": dea, "MACD": 2.0 * (dif - dea)}


def rsi(close: FloatArray, n: int) -> FloatArray:
    """SMA(MAX(C-LC,0),n,1) / SMA(ABS(C-LC),n,1) * 100; NaN on bar 0, 0 on a zero denominator."""
    change = close - _prev(close)  # NaN on bar 0, so both SMAs seed on bar 1
    up = sma(np.maximum(change, 0.0), n, 1)  # np.maximum keeps the NaN of bar 0
    total = sma(np.abs(change), n, 1)
    return _div0(up, total) * 100.0


def boll(close: FloatArray, n: int = 20, k: float = 2.0) -> Series:
    """MID = MA(C,n); UPPER/LOWER = MID +/- k*STD(C,n) with the sample STD (ddof=1)."""
    if n < 2:
        raise ValueError(f"BOLL needs N >= 2 for a sample standard deviation, got {n}")
    mid = ma(close, n)
    band = k * _std(close, n)
    return {"MID": mid, "UPPER": mid + band, "LOWER": mid - band}


def kdj(
    high: FloatArray, low: FloatArray, close: FloatArray, n: int = 9, m1: int = 3, m2: int = 3
) -> Series:
    """RSV over LLV/HHV (min_periods=1, 0 when HHV = LLV); K = SMA(RSV,m1,1); D = SMA(K,m2,1)."""
    # min_periods=1: the terminal shows KDJ from the first bar, using the bars it has.
    llv, hhv = _rolling(low, n, "min"), _rolling(high, n, "max")
    rsv = _div0(close - llv, hhv - llv) * 100.0
    k = sma(rsv, m1, 1)
    d = sma(k, m2, 1)
    return {"K": k, "D": d, "J": 3.0 * k - 2.0 * d}


def atr(high: FloatArray, low: FloatArray, close: FloatArray, n: int = 14) -> Series:
    """TR = MAX(H-L, |LC-H|, |LC-L|) with TR0 = H0-L0; ATR = MA(TR,n) (simple mean)."""
    lc = _prev(close)
    # fmax ignores the NaN gaps of bar 0 (no previous close), which leaves TR0 = H0 - L0.
    tr = np.fmax(high - low, np.fmax(np.abs(lc - high), np.abs(lc - low)))
    return {"TR": tr, "ATR": ma(tr, n)}


# --- registry ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorSpec:
    """How the API layer describes, validates and runs one indicator.

    ``param_bounds[i]`` holds inclusive bounds and ``integer_params[i]`` whether position i must
    be a whole number; both have ``max_params`` entries.
    """

    name: str
    title: str
    formula: str
    default_params: tuple[float, ...]
    min_params: int
    max_params: int
    param_bounds: tuple[tuple[float, float], ...]
    integer_params: tuple[bool, ...]
    compute: Callable[[OHLC, Sequence[float]], Series]


_PERIOD = (1.0, 250.0)
_MAX_PERIODS = 6

_SMA_TEXT = "SMA(X,n,1): Y = (X + (n-1)*Y')/n, seeded with Y = X on its first defined bar"
_EMA_TEXT = "EMA(X,n): Y = (2*X + (n-1)*Y')/(n+1), seeded with Y = X on the first bar"


def _per_period(
    prefix: str, fn: Callable[[FloatArray, int], FloatArray]
) -> Callable[[OHLC, Sequence[float]], Series]:
    def run(ohlc: OHLC, params: Sequence[float]) -> Series:
        periods = [int(p) for p in params]
        if len(set(periods)) != len(periods):
            raise ValueError(f"{prefix} periods must be distinct, got {periods}")
        return {f"{prefix}{p}": fn(ohlc.close, p) for p in periods}

    return run


def _spec(
    name: str,
    title: str,
    formula: str,
    defaults: tuple[float, ...],
    compute_fn: Callable[[OHLC, Sequence[float]], Series],
    *,
    variadic: bool = False,
    bounds: tuple[tuple[float, float], ...] | None = None,
    integer: tuple[bool, ...] | None = None,
) -> IndicatorSpec:
    # Variadic indicators (MA/EMA/RSI) take 1 to 6 periods; the others exactly their defaults.
    n_max = _MAX_PERIODS if variadic else len(defaults)
    return IndicatorSpec(
        name=name,
        title=title,
        formula=formula,
        default_params=defaults,
        min_params=1 if variadic else n_max,
        max_params=n_max,
        param_bounds=bounds or (_PERIOD,) * n_max,
        integer_params=integer or (True,) * n_max,
        compute=compute_fn,
    )


_SPECS = (
    _spec(
        "MA",
        "Moving average (MA)",
        "MAn = MA(C,n) = (C + REF(C,1) + ... + REF(C,n-1))/n, the simple mean of the last n "
        "closes. NaN for the first n-1 bars. One series per period (1 to 6 periods).",
        (5, 10, 20, 60),
        _per_period("MA", ma),
        variadic=True,
    ),
    _spec(
        "EMA",
        "Exponential moving average (EMA)",
        f"EMAn = EMA(C,n), where {_EMA_TEXT} (as the terminal), so there is no NaN warm-up; "
        "early values depend on that seed. One series per period (1 to 6 periods).",
        (12, 26),
        _per_period("EMA", ema),
        variadic=True,
    ),
    _spec(
        "MACD",
        "Moving average convergence divergence (MACD)",
        f"DIF = EMA(C,fast) - EMA(C,slow); DEA = EMA(DIF,signal); MACD = 2*(DIF - DEA), where "
        f"{_EMA_TEXT}, so there is no NaN warm-up. Requires fast < slow. "
        "Parameters: fast, slow, signal.",
        (12, 26, 9),
        lambda o, p: macd(o.close, int(p[0]), int(p[1]), int(p[2])),
    ),
    _spec(
        "RSI",
        "Relative strength index (RSI)",
        f"LC = REF(C,1); RSIn = SMA(MAX(C-LC,0),n,1) / SMA(ABS(C-LC),n,1) * 100, where "
        f"{_SMA_TEXT}. NaN on the first bar (no previous close); both SMAs start on the second "
        "bar. When the denominator is 0 (no price change yet) RSI is 0, as division by zero "
        "yields 0 in the terminal. Range 0 to 100. One series per period (1 to 6 periods).",
        (6, 12, 24),
        _per_period("RSI", rsi),
        variadic=True,
    ),
    _spec(
        "BOLL",
        "Bollinger bands (BOLL)",
        "MID = MA(C,n); UPPER = MID + k*STD(C,n); LOWER = MID - k*STD(C,n), where STD is the "
        "sample standard deviation of the last n closes (divisor n-1, as the terminal; TA-Lib "
        "BBANDS divides by n). NaN for the first n-1 bars. Parameters: n (2 to 250), k (0.1 "
        "to 10, may be fractional).",
        (20, 2),
        lambda o, p: boll(o.close, int(p[0]), float(p[1])),
        bounds=((2.0, 250.0), (0.1, 10.0)),
        integer=(True, False),
    ),
    _spec(
        "KDJ",
        "Stochastic oscillator (KDJ)",
        "RSV = (C - LLV(L,n)) / (HHV(H,n) - LLV(L,n)) * 100, where during the first n-1 bars "
        "LLV and HHV use the bars available so far; RSV = 0 when HHV = LLV. K = SMA(RSV,m1,1); "
        f"D = SMA(K,m2,1); J = 3*K - 2*D, where {_SMA_TEXT} (so K = D = RSV on the first bar). "
        "No NaN warm-up. Parameters: n, m1, m2.",
        (9, 3, 3),
        lambda o, p: kdj(o.high, o.low, o.close, int(p[0]), int(p[1]), int(p[2])),
    ),
    _spec(
        "ATR",
        "Average true range (ATR)",
        "TR = MAX(MAX(H-L, ABS(REF(C,1)-H)), ABS(REF(C,1)-L)), with TR = H-L on the first bar; "
        "ATR = MA(TR,n), the simple mean of the last n TR (as the terminal; TA-Lib ATR uses "
        "Wilder smoothing). TR has no warm-up; ATR is NaN for the first n-1 bars.",
        (14,),
        lambda o, p: atr(o.high, o.low, o.close, int(p[0])),
    ),
)

INDICATORS: Mapping[str, IndicatorSpec] = MappingProxyType({s.name: s for s in _SPECS})


class ParameterError(ValueError):
    """A bad parameter list; `index` is the 0-based position of the bad one (None: the count)."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


def validate(name: str, params: Sequence[float]) -> None:
    """Check `params` of the indicator `name` (a registry key) as `compute` does."""
    _validate(INDICATORS[name], params)


def _validate(spec: IndicatorSpec, params: Sequence[float]) -> None:
    count = len(params)
    if not spec.min_params <= count <= spec.max_params:
        wanted = (
            str(spec.max_params)
            if spec.min_params == spec.max_params
            else f"{spec.min_params} to {spec.max_params}"
        )
        raise ParameterError(f"{spec.name} takes {wanted} parameters, got {count}")
    for i, value in enumerate(params):
        where = f"{spec.name} parameter {i + 1}"
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ParameterError(f"{where} must be a number, got {value!r}", i)
        value = float(value)
        if not math.isfinite(value):
            raise ParameterError(f"{where} must be finite, got {value}", i)
        low, high = spec.param_bounds[i]
        if not low <= value <= high:
            raise ParameterError(f"{where} must be between {low:g} and {high:g}, got {value:g}", i)
        if spec.integer_params[i] and value != int(value):
            raise ParameterError(f"{where} must be a whole number, got {value:g}", i)


def compute(name: str, ohlc: OHLC, params: Sequence[float] | None = None) -> Series:
    """Validate ``params`` (defaults when None or empty) and compute indicator ``name``.

    Raises ValueError with a client-facing message for an unknown name or bad parameters.
    """
    spec = INDICATORS.get(name.upper())
    if spec is None:
        raise ValueError(f"unknown indicator {name!r}; expected one of {', '.join(INDICATORS)}")
    chosen = tuple(params) if params is not None and len(params) else spec.default_params
    _validate(spec, chosen)
    return spec.compute(ohlc, chosen)
