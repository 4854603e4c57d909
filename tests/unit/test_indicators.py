"""Terminal-compatible indicators: hand-computed values, conventions and parameter validation.

Expected values are worked out by hand in the comments (exact fractions), never by calling the
code under test or pandas.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import talib

from mystocks.domain import indicators as ind
from mystocks.domain.indicators import INDICATORS, OHLC, compute

NAN = math.nan


def arr(*values: float) -> np.ndarray:
    return np.array(values, dtype=np.float64)


def bars(high: np.ndarray, low: np.ndarray, close: np.ndarray) -> OHLC:
    return OHLC(open=close, high=high, low=low, close=close, volume=np.ones_like(close))


def closes(*values: float) -> OHLC:
    c = arr(*values)
    return bars(c, c, c)


def assert_series(actual: np.ndarray, expected: list[float]) -> None:
    """Same length, NaN exactly where expected, values equal to 1e-12 elsewhere."""
    exp = np.array(expected, dtype=np.float64)
    assert actual.dtype == np.float64
    assert actual.shape == exp.shape
    np.testing.assert_array_equal(np.isnan(actual), np.isnan(exp))
    ok = ~np.isnan(exp)
    assert actual[ok].tolist() == pytest.approx(exp[ok].tolist(), rel=1e-12, abs=1e-12)


def random_bars(seed: int, n: int = 300) -> OHLC:
    """A random walk with H >= max(O, C) and L <= min(O, C), like real bars."""
    rng = np.random.default_rng(seed)
    close = 10.0 * np.exp(np.cumsum(rng.normal(0.0, 0.02, n)))
    open_ = close * np.exp(rng.normal(0.0, 0.01, n))
    high = np.maximum(open_, close) * (1.0 + rng.uniform(0.0, 0.02, n))
    low = np.minimum(open_, close) * (1.0 - rng.uniform(0.0, 0.02, n))
    # A few flat days (limit-locked or suspended-looking bars) to exercise zero ranges.
    flat = rng.uniform(size=n) < 0.05
    high[flat] = low[flat] = open_[flat] = close[flat]
    return OHLC(open_, high, low, close, rng.uniform(1e5, 1e6, n))


# --- MA ------------------------------------------------------------------------------------


def test_ma_is_simple_mean_with_n_minus_1_warmup() -> None:
    out = compute("MA", closes(10, 11, 13, 12, 15, 14), [3, 5])
    assert list(out) == ["MA3", "MA5"]
    # MA3: (10+11+13)/3, (11+13+12)/3, (13+12+15)/3, (12+15+14)/3
    assert_series(out["MA3"], [NAN, NAN, 34 / 3, 36 / 3, 40 / 3, 41 / 3])
    # MA5: (10+11+13+12+15)/5, (11+13+12+15+14)/5
    assert_series(out["MA5"], [NAN, NAN, NAN, NAN, 61 / 5, 65 / 5])


def test_ma_defaults_and_short_input() -> None:
    out = compute("MA", closes(1, 2, 3), None)
    assert list(out) == ["MA5", "MA10", "MA20", "MA60"]
    assert all(np.isnan(s).all() and s.shape == (3,) for s in out.values())


# --- EMA -----------------------------------------------------------------------------------


def test_ema_terminal_recursion_seeded_with_first_close() -> None:
    out = compute("EMA", closes(10, 11, 13, 12, 15), [3, 5])
    assert list(out) == ["EMA3", "EMA5"]
    # EMA3: Y = (2C + 2Y')/4
    #   10; (22+20)/4 = 10.5; (26+21)/4 = 11.75; (24+23.5)/4 = 11.875; (30+23.75)/4 = 13.4375
    assert_series(out["EMA3"], [10, 10.5, 11.75, 11.875, 13.4375])
    # EMA5: Y = (2C + 4Y')/6
    #   10; (22+40)/6 = 31/3; (26+124/3)/6 = 101/9; (24+404/9)/6 = 310/27;
    #   (30+1240/27)/6 = 1025/81
    assert_series(out["EMA5"], [10, 31 / 3, 101 / 9, 310 / 27, 1025 / 81])


def test_ema_has_no_warmup_unlike_talib() -> None:
    c = random_bars(1).close
    ours = ind.ema(c, 12)
    assert not np.isnan(ours).any()
    assert ours[0] == c[0]
    # TA-Lib seeds with the mean of the first 12 closes and starts at bar 11.
    assert np.isnan(talib.EMA(c, timeperiod=12)[:11]).all()


# --- MACD ----------------------------------------------------------------------------------


def test_macd_hand_computed() -> None:
    out = compute("MACD", closes(10, 12, 11, 14, 13), [2, 3, 2])
    assert list(out) == ["DIF", "DEA", "MACD"]
    # EMA2 = (2C + Y')/3:  10; 34/3; (22+34/3)/3 = 100/9; (28+100/9)/3 = 352/27;
    #                      (26+352/27)/3 = 1054/81
    # EMA3 = (2C + 2Y')/4: 10; 11; 11; 12.5; 12.75
    # DIF = EMA2 - EMA3:   0; 1/3; 1/9; 352/27 - 25/2 = 29/54; 1054/81 - 51/4 = 85/324
    dif = [0, 1 / 3, 1 / 9, 29 / 54, 85 / 324]
    # DEA = EMA(DIF,2) = (2*DIF + DEA')/3:
    #   0; (2/3)/3 = 2/9; (2/9+2/9)/3 = 4/27; (29/27+4/27)/3 = 11/27;
    #   (85/162+66/162)/3 = 151/486
    dea = [0, 2 / 9, 4 / 27, 11 / 27, 151 / 486]
    assert_series(out["DIF"], dif)
    assert_series(out["DEA"], dea)
    # MACD = 2*(DIF-DEA): 0; 2/9; -2/27; 7/27; 2*(255/972 - 302/972) = -47/486
    assert_series(out["MACD"], [0, 2 / 9, -2 / 27, 7 / 27, -47 / 486])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_macd_identities(seed: int) -> None:
    c = random_bars(seed).close
    out = compute("MACD", bars(c, c, c), None)
    np.testing.assert_allclose(out["MACD"], 2 * (out["DIF"] - out["DEA"]), rtol=0, atol=1e-12)
    np.testing.assert_allclose(out["DIF"], ind.ema(c, 12) - ind.ema(c, 26), rtol=0, atol=1e-12)
    np.testing.assert_allclose(out["DEA"], ind.ema(out["DIF"], 9), rtol=0, atol=1e-12)
    assert not any(np.isnan(s).any() for s in out.values())


# --- RSI -----------------------------------------------------------------------------------


def test_rsi_hand_computed() -> None:
    out = compute("RSI", closes(10, 11, 10.5, 12, 12, 11), [3])
    assert list(out) == ["RSI3"]
    # C-LC:      -, 1, -0.5, 1.5, 0, -1
    # SMA(MAX(C-LC,0),3,1) = (X + 2Y')/3, seeded on bar 1:
    #   1; (0+2)/3 = 2/3; (3/2+4/3)/3 = 17/18; (0+17/9)/3 = 17/27; (0+34/27)/3 = 34/81
    # SMA(ABS(C-LC),3,1):
    #   1; (1/2+2)/3 = 5/6; (3/2+5/3)/3 = 19/18; (0+19/9)/3 = 19/27; (1+38/27)/3 = 65/81
    # RSI = ratio * 100
    assert_series(out["RSI3"], [NAN, 100, 100 * (2 / 3) / (5 / 6), 1700 / 19, 1700 / 19, 3400 / 65])


def test_rsi_zero_denominator_is_zero() -> None:
    # No change on bars 1 and 2: 0/0 -> 0 (terminal division by zero), then a rise -> 100.
    out = compute("RSI", closes(5, 5, 5, 6), [2])
    assert_series(out["RSI2"], [NAN, 0, 0, 100])


def test_rsi_defaults_names_and_order() -> None:
    assert list(compute("RSI", random_bars(4), None)) == ["RSI6", "RSI12", "RSI24"]
    assert list(compute("RSI", random_bars(4), [24, 6])) == ["RSI24", "RSI6"]


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_rsi_within_0_100_and_only_first_bar_nan(seed: int) -> None:
    for series in compute("RSI", random_bars(seed), [1, 2, 6, 14, 24]).values():
        assert np.isnan(series[0])
        assert not np.isnan(series[1:]).any()
        assert (series[1:] >= 0).all() and (series[1:] <= 100).all()


# --- BOLL ----------------------------------------------------------------------------------


def test_boll_hand_computed_with_sample_std() -> None:
    out = compute("BOLL", closes(1, 2, 4, 7, 11), [3, 2])
    assert list(out) == ["MID", "UPPER", "LOWER"]
    # Windows and sample variances (divisor n-1 = 2):
    #   [1,2,4]:  mean 7/3,  squared deviations (16+1+25)/9 = 42/9  -> var 7/3
    #   [2,4,7]:  mean 13/3, (49+1+64)/9 = 114/9                    -> var 19/3
    #   [4,7,11]: mean 22/3, (100+1+121)/9 = 222/9                  -> var 37/3
    mid = [NAN, NAN, 7 / 3, 13 / 3, 22 / 3]
    sd = [NAN, NAN, math.sqrt(7 / 3), math.sqrt(19 / 3), math.sqrt(37 / 3)]
    assert_series(out["MID"], mid)
    assert_series(out["UPPER"], [m + 2 * s for m, s in zip(mid, sd, strict=True)])
    assert_series(out["LOWER"], [m - 2 * s for m, s in zip(mid, sd, strict=True)])

    half = compute("BOLL", closes(1, 2, 4, 7, 11), [3, 1.5])  # K may be fractional
    assert_series(half["UPPER"], [m + 1.5 * s for m, s in zip(mid, sd, strict=True)])


def test_boll_differs_from_talib_bbands_by_ddof() -> None:
    c = random_bars(8).close
    out = compute("BOLL", bars(c, c, c), [20, 2])
    upper, middle, _ = talib.BBANDS(c, timeperiod=20, nbdevup=2, nbdevdn=2)
    np.testing.assert_allclose(out["MID"], middle, rtol=1e-12, equal_nan=True)
    ours, theirs = out["UPPER"][19:] - out["MID"][19:], upper[19:] - middle[19:]
    assert not np.allclose(ours, theirs)
    # Sample std = population std * sqrt(n/(n-1)).
    np.testing.assert_allclose(ours, theirs * math.sqrt(20 / 19), rtol=1e-6)


@pytest.mark.parametrize("seed", [9, 10])
def test_boll_band_ordering_and_warmup(seed: int) -> None:
    out = compute("BOLL", random_bars(seed), None)
    for s in out.values():
        assert np.isnan(s[:19]).all() and not np.isnan(s[19:]).any()
    assert (out["LOWER"][19:] <= out["MID"][19:]).all()
    assert (out["MID"][19:] <= out["UPPER"][19:]).all()


def test_boll_flat_prices_have_zero_width() -> None:
    out = compute("BOLL", closes(*[7.25] * 6), [3, 2])
    assert out["UPPER"][2:].tolist() == out["LOWER"][2:].tolist() == [7.25] * 4


# --- KDJ -----------------------------------------------------------------------------------


def test_kdj_hand_computed_with_partial_windows() -> None:
    high, low, close = arr(10, 11, 12, 11, 13), arr(8, 9, 10, 9, 10), arr(9, 10, 11, 10, 12)
    out = compute("KDJ", bars(high, low, close), [3, 3, 3])
    assert list(out) == ["K", "D", "J"]
    # LLV(L,3) using the bars available: 8, 8, 8, 9, 9; HHV(H,3): 10, 11, 12, 12, 13
    # RSV: (9-8)/2 = 50; (10-8)/3 = 200/3; (11-8)/4 = 75; (10-9)/3 = 100/3; (12-9)/4 = 75
    # K = (RSV + 2K')/3, K0 = RSV0 = 50:
    #   (200/3+100)/3 = 500/9; (75+1000/9)/3 = 1675/27; (100/3+3350/27)/3 = 4250/81;
    #   (75+8500/81)/3 = 14575/243
    k = [50, 500 / 9, 1675 / 27, 4250 / 81, 14575 / 243]
    # D = (K + 2D')/3, D0 = K0 = 50:
    #   (500/9+100)/3 = 1400/27; (1675/27+2800/27)/3 = 4475/81;
    #   (4250/81+8950/81)/3 = 13200/243; (14575/243+26400/243)/3 = 40975/729
    d = [50, 1400 / 27, 4475 / 81, 13200 / 243, 40975 / 729]
    assert_series(out["K"], k)
    assert_series(out["D"], d)
    assert_series(out["J"], [3 * a - 2 * b for a, b in zip(k, d, strict=True)])


def test_kdj_rsv_zero_when_range_is_zero() -> None:
    # HHV == LLV on every bar: RSV = 0 (documented), so K = D = J = 0.
    out = compute("KDJ", closes(5, 5, 5, 5), None)
    for s in out.values():
        assert s.tolist() == [0.0] * 4


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_kdj_bounded_and_j_identity(seed: int) -> None:
    out = compute("KDJ", random_bars(seed), None)
    for name in ("K", "D"):
        s = out[name]
        assert not np.isnan(s).any()  # no warm-up: min_periods=1 and a seeded SMA
        assert (s >= 0).all() and (s <= 100).all()
    np.testing.assert_allclose(out["J"], 3 * out["K"] - 2 * out["D"], rtol=0, atol=1e-12)


# --- ATR -----------------------------------------------------------------------------------


ATR_H, ATR_L, ATR_C = arr(10, 12, 11, 14, 13), arr(9, 10, 9, 11, 12), arr(9.5, 11, 10, 13, 12.5)


def test_atr_hand_computed_simple_mean() -> None:
    out = compute("ATR", bars(ATR_H, ATR_L, ATR_C), [3])
    assert list(out) == ["TR", "ATR"]
    # TR0 = 10-9 = 1
    # TR1 = max(12-10, |9.5-12|, |9.5-10|) = max(2, 2.5, 0.5) = 2.5
    # TR2 = max(11-9,  |11-11|,  |11-9|)   = 2
    # TR3 = max(14-11, |10-14|,  |10-11|)  = 4
    # TR4 = max(13-12, |13-13|,  |13-12|)  = 1
    assert_series(out["TR"], [1, 2.5, 2, 4, 1])
    # ATR3 = MA(TR,3): (1+2.5+2)/3, (2.5+2+4)/3, (2+4+1)/3
    assert_series(out["ATR"], [NAN, NAN, 11 / 6, 17 / 6, 7 / 3])


def test_atr_differs_from_talib_wilder() -> None:
    theirs = talib.ATR(ATR_H, ATR_L, ATR_C, timeperiod=3)
    # TA-Lib: NaN until bar 3, seeded with mean(TR1..TR3) = 17/6, then Wilder:
    # (2*17/6 + 1)/3 = 20/9 on bar 4, where the simple mean gives 7/3.
    assert_series(theirs, [NAN, NAN, NAN, 17 / 6, 20 / 9])
    ours = compute("ATR", bars(ATR_H, ATR_L, ATR_C), [3])["ATR"]
    assert ours[4] != pytest.approx(theirs[4])


@pytest.mark.parametrize("seed", [14, 15])
def test_atr_warmup_and_tr_bounds(seed: int) -> None:
    b = random_bars(seed)
    out = compute("ATR", b, None)
    assert not np.isnan(out["TR"]).any() and out["TR"][0] == b.high[0] - b.low[0]
    assert (out["TR"] >= b.high - b.low).all()
    assert np.isnan(out["ATR"][:13]).all() and not np.isnan(out["ATR"][13:]).any()


# --- registry and validation ---------------------------------------------------------------


def test_registry_shape() -> None:
    assert list(INDICATORS) == ["MA", "EMA", "MACD", "RSI", "BOLL", "KDJ", "ATR"]
    for name, spec in INDICATORS.items():
        assert spec.name == name and spec.title and spec.formula
        assert 1 <= spec.min_params <= len(spec.default_params) <= spec.max_params
        assert len(spec.param_bounds) == len(spec.integer_params) == spec.max_params
        for (low, high), p in zip(spec.param_bounds, spec.default_params, strict=False):
            assert low <= p <= high
    assert (INDICATORS["MA"].min_params, INDICATORS["MA"].max_params) == (1, 6)
    assert INDICATORS["BOLL"].integer_params == (True, False)


def test_formulas_document_the_conventions() -> None:
    assert "yields 0" in INDICATORS["RSI"].formula
    assert "RSV = 0 when HHV = LLV" in INDICATORS["KDJ"].formula
    assert "n-1" in INDICATORS["BOLL"].formula
    assert "Wilder" in INDICATORS["ATR"].formula
    assert "seeded" in INDICATORS["EMA"].formula


def test_name_is_case_insensitive_and_empty_params_mean_defaults() -> None:
    b = random_bars(16)
    expected = compute("MACD", b, [12, 26, 9])
    for got in (compute("macd", b, []), compute("MACD", b, None)):
        assert list(got) == list(expected)
        for key in expected:
            np.testing.assert_array_equal(got[key], expected[key])


def test_integral_floats_are_accepted() -> None:
    assert list(compute("MA", closes(1, 2, 3), [2.0])) == ["MA2"]


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("VOL", [5], "unknown indicator"),
        ("MA", [1, 2, 3, 4, 5, 6, 7], "takes 1 to 6 parameters, got 7"),
        ("MACD", [12, 26], "takes 3 parameters, got 2"),
        ("ATR", [14, 3], "takes 1 parameters, got 2"),
        ("MA", [0], "between 1 and 250"),
        ("EMA", [251], "between 1 and 250"),
        ("RSI", [5.5], "whole number"),
        ("KDJ", [9, 3, 2.5], "parameter 3 must be a whole number"),
        ("MA", [math.nan], "finite"),
        ("MA", [math.inf], "finite"),
        ("MA", ["5"], "must be a number"),
        ("MA", [True], "must be a number"),
        ("MA", [5, 10, 5], "distinct"),
        ("MACD", [26, 12, 9], "fast < slow"),
        ("MACD", [12, 12, 9], "fast < slow"),
        ("BOLL", [1, 2], "parameter 1 must be between 2 and 250"),
        ("BOLL", [20, 0.05], "parameter 2 must be between 0.1 and 10"),
        ("BOLL", [20, 11], "parameter 2 must be between 0.1 and 10"),
        ("BOLL", [20.5, 2], "whole number"),
    ],
)
def test_invalid_params_raise_value_error(name: str, params: list[float], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        compute(name, random_bars(17, 40), params)


def test_ohlc_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        OHLC(arr(1, 2), arr(1, 2), arr(1, 2), arr(1, 2, 3), arr(1, 2))


@pytest.mark.parametrize("name", list(INDICATORS))
def test_every_output_matches_input_length_and_dtype(name: str) -> None:
    for n in (0, 1, 2, 40):
        for s in compute(name, random_bars(18, n), None).values():
            assert s.dtype == np.float64 and s.shape == (n,)
