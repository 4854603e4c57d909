"""Screening conditions on tiny hand-made universes: each kind against values worked out by hand,
the checks that point at a bad part, and the 2-D indicators equal to their 1-D results."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from mystocks.domain import indicators as ind
from mystocks.errors import RuleViolation
from mystocks.screening.engine import FIELDS, Panel, evaluate, parse
from mystocks.screening.service import BUILTIN, build_panel

NAN = math.nan
LEFT = "condition.conditions[1].left"


def panel(close: list[list[float]], **fields: list[list[float]]) -> Panel:
    """Symbols A, B, C... with the given closes (other fields default to the close, volume 1)."""
    c = np.array(close, dtype=np.float64)
    grids = {f: np.array(fields[f], dtype=np.float64) if f in fields else c.copy() for f in FIELDS}
    if "volume" not in fields:
        grids["volume"] = np.ones_like(c)
    return Panel([chr(65 + i) for i in range(len(c))], grids)


def run(condition: dict[str, Any], p: Panel) -> list[str]:
    outcome = evaluate(parse(condition), p)
    return [p.symbols[i] for i in np.flatnonzero(outcome.match)]


def values(condition: dict[str, Any], p: Panel) -> dict[str, list[float]]:
    outcome = evaluate(parse(condition), p)
    return {k: [float(x) for x in v] for k, v in outcome.values.items()}


def ma(n: int) -> dict[str, Any]:
    return {"indicator": "MA", "params": [n]}


def test_compare_close_above_ma3():
    # A: MA3 of (1,2,3) = 2, close 3 > 2. B: MA3 of (3,2,1) = 2, close 1. C: flat 2 = 2, not >.
    p = panel([[1, 2, 3], [3, 2, 1], [2, 2, 2]])
    cond = {"kind": "compare", "left": {"field": "close"}, "op": "gt", "right": ma(3)}
    assert run(cond, p) == ["A"]
    assert run({**cond, "op": "gte"}, p) == ["A", "C"]
    assert run({**cond, "op": "lte"}, p) == ["B", "C"]
    assert values(cond, p) == {"close": [3, 1, 2], "MA(3)": [2, 2, 2]}


def test_threshold_on_rsi_and_change_pct():
    # RSI2 of closes 10, 11, 12: every change is up, so RSI = 100. Falling: 0.
    p = panel([[10, 11, 12], [12, 11, 10]])
    low = {"kind": "compare", "left": {"indicator": "RSI", "params": [2]}, "op": "lt", "right": 20}
    assert run(low, p) == ["B"]
    assert values(low, p)["RSI(2)"] == [100, 0]
    # change_pct: 12/11 - 1 = 9.0909...%, 10/11 - 1 = -9.0909...%
    up = {"kind": "compare", "left": {"field": "change_pct"}, "op": "gt", "right": 9}
    assert run(up, p) == ["A"]
    assert values(up, p)["change_pct"] == pytest.approx([100 / 11, -100 / 11])


def test_warm_up_is_undecided_for_a_leaf_and_its_negation():
    p = panel([[NAN, NAN, 5], [1, 2, 3]])  # A has one bar only: no MA3
    cond = {"kind": "compare", "left": {"field": "close"}, "op": "gt", "right": ma(3)}
    assert run(cond, p) == ["B"]
    assert run({"kind": "not", "condition": cond}, p) == []
    assert run({"kind": "not", "condition": {**cond, "op": "lt"}}, p) == ["B"]


def test_cross_above_and_below_within_days():
    # MA1 is the close; against the number 10: A crosses above on the last day (9 -> 11),
    # B two days before the end (9 -> 11, 12, 12), C crosses below on the last day.
    p = panel([[8, 9, 9, 11], [8, 9, 11, 12], [12, 12, 11, 9]])
    above = {"kind": "cross", "fast": ma(1), "slow": 10, "direction": "above", "within_days": 1}
    assert run(above, p) == ["A"]
    assert run({**above, "within_days": 2}, p) == ["A", "B"]
    assert run({**above, "direction": "below"}, p) == ["C"]
    # MA2 over MA3: B's MA2 (11.5) > MA3 (10.67) on the last day, and before: MA2 10 > MA3 9.33
    # already (a cross needs fast <= slow the day before), so no cross on the last day.
    ma_cross = {"kind": "cross", "fast": ma(2), "slow": ma(3), "within_days": 1}
    assert run(ma_cross, p) == []
    # A: MA2 9 -> 10, MA3 8.67 -> 9.67: above both days. C: MA2 11.5 -> 10, MA3 11.67 -> 10.67.
    assert run({**ma_cross, "direction": "below"}, p) == []
    # touching counts as "not above" the day before: fast == slow, then fast > slow.
    t = panel([[10, 10, 10, 13]])  # MA1 10 vs MA3 10 on day 3; 13 vs 11 on day 4
    assert run({"kind": "cross", "fast": ma(1), "slow": ma(3)}, t) == ["A"]


def test_change_over_days():
    # 3-day change: A 10 -> 12 is +20%; B 10 -> 9 is -10%.
    p = panel([[10, 11, 11, 12], [10, 10, 10, 9]])
    cond = {"kind": "change", "days": 3, "op": "gte", "pct": 20}
    assert run(cond, p) == ["A"]
    assert values(cond, p)["change(3)"] == pytest.approx([20, -10])
    assert run({**cond, "op": "lt", "pct": -5}, p) == ["B"]


def test_breakout_high_and_low():
    # highs of the 3 bars before the last: A 5, 6, 7 -> 7, close 8 breaks out; B closes at 7.
    close = [[5, 6, 7, 8], [5, 6, 7, 7], [5, 4, 3, 2]]
    high = [[5, 6, 7, 8], [5, 6, 7, 7], [5, 4, 3, 2]]
    low = [[5, 6, 7, 8], [5, 6, 7, 7], [5, 4, 3, 2]]
    p = panel(close, high=high, low=low)
    assert run({"kind": "breakout", "days": 3, "direction": "high"}, p) == ["A"]
    assert run({"kind": "breakout", "days": 3, "direction": "low"}, p) == ["C"]
    assert values({"kind": "breakout", "days": 3}, p)["high(3)"] == [7, 7, 5]


def test_volume_ratio_against_the_days_before():
    # A: 300 / mean(100, 100, 100) = 3. B: 150 / 100 = 1.5. C: a missing earlier bar.
    volume = [[100, 100, 100, 300], [100, 100, 100, 150], [NAN, 100, 100, 400]]
    p = panel([[1, 1, 1, 1]] * 3, volume=volume)
    cond = {"kind": "volume_ratio", "days": 3, "op": "gte", "ratio": 2}
    assert run(cond, p) == ["A"]
    assert values(cond, p)["volume_ratio(3)"][:2] == [3, 1.5]
    assert run({**cond, "op": "lt"}, p) == ["B"]


def test_all_any_not_combine():
    p = panel([[1, 2, 3], [3, 2, 1], [2, 2, 2]])
    up = {"kind": "compare", "left": {"field": "close"}, "op": "gt", "right": ma(3)}
    flat = {"kind": "change", "days": 2, "op": "gte", "pct": 0}  # A +200%, C 0%
    assert run({"kind": "all", "conditions": [up, flat]}, p) == ["A"]
    assert run({"kind": "any", "conditions": [up, flat]}, p) == ["A", "C"]
    assert run({"kind": "not", "condition": {"kind": "any", "conditions": [up, flat]}}, p) == ["B"]


def test_bars_needed():
    assert parse({"kind": "breakout", "days": 20}).bars == 21
    compare = {"kind": "compare", "left": {"field": "close"}, "op": "gt", "right": ma(250)}
    assert parse(compare).bars == 251
    cross = {"kind": "cross", "fast": ma(5), "slow": ma(20), "within_days": 3}
    assert parse(cross).bars == 24
    rsi = {"kind": "compare", "left": {"indicator": "RSI", "params": [6]}, "op": "lt", "right": 2}
    assert parse(rsi).bars == 6 * 20 + 1  # warmed up over 20 periods


@pytest.mark.parametrize(
    ("operand", "pointer", "words"),
    [
        ({"indicator": "FOO"}, "condition.conditions[1].left.indicator", "not an indicator"),
        ({"indicator": "MA", "params": [300]}, "condition.conditions[1].left.params[0]", "250"),
        ({"indicator": "BOLL", "params": [20, 11]}, "condition.conditions[1].left.params[1]", "10"),
        (
            {"indicator": "MACD", "params": [26, 12, 9]},
            "condition.conditions[1].left.params",
            "fast",
        ),
        ({"indicator": "MA", "params": [5, 10]}, "condition.conditions[1].left.params", "one"),
        ({"indicator": "KDJ", "output": "X"}, "condition.conditions[1].left.output", "K"),
    ],
)
def test_bad_operands_point_at_their_part(operand, pointer, words):
    ok = {"kind": "breakout", "days": 5}
    bad = {"kind": "compare", "left": operand, "op": "gt", "right": 1}
    with pytest.raises(RuleViolation) as caught:
        parse({"kind": "all", "conditions": [ok, bad]})
    (problem,) = caught.value.problems
    assert problem.name == pointer and problem.location == "body"
    assert words in problem.detail


def test_nesting_too_deep_points_at_the_deepest_part():
    leaf: dict[str, Any] = {"kind": "breakout", "days": 5}
    cond = leaf
    for _ in range(4):
        cond = {"kind": "not", "condition": cond}
    assert parse(cond).bars == 6  # five levels: fine
    with pytest.raises(RuleViolation) as caught:
        parse({"kind": "all", "conditions": [cond]})
    pointer = "condition.conditions[0]" + ".condition" * 4
    assert caught.value.problems[0].name == pointer


def test_outputs_and_labels_of_multi_series_indicators():
    op = {"indicator": "MACD", "params": [12, 26, 9], "output": "dea"}
    cond = {"kind": "compare", "left": op, "op": "gt", "right": 0}
    p = panel([[float(x) for x in range(1, 60)]])
    assert list(values(cond, p)) == ["MACD(12,26,9).DEA"]


def test_default_outputs_are_the_contracts():
    # IndicatorOperand: the first series (DIF of MACD, MID of BOLL, K of KDJ), but ATR of ATR
    # (its first series is TR).
    p = panel([[float(x) for x in range(1, 60)]])
    for name, label in [
        ("MACD", "MACD(12,26,9).DIF"),
        ("BOLL", "BOLL(20,2).MID"),
        ("KDJ", "KDJ(9,3,3).K"),
        ("ATR", "ATR(14).ATR"),
    ]:
        cond = {"kind": "compare", "left": {"indicator": name}, "op": "gt", "right": 0}
        assert list(values(cond, p)) == [label]


def test_two_dimensional_indicators_equal_their_one_dimensional_results():
    rng = np.random.default_rng(7)
    rows = [rng.uniform(9, 11, 80).cumsum() / 10 for _ in range(4)]
    lengths = [80, 61, 30, 3]  # shorter histories, left-padded with NaN
    grid = np.full((4, 80), NAN)
    for i, (row, n) in enumerate(zip(rows, lengths, strict=True)):
        grid[i, 80 - n :] = row[:n]
    high, low, vol = grid + 0.3, grid - 0.2, np.abs(grid) * 1000
    two = ind.OHLC(grid, high, low, grid, vol)
    for name, spec in ind.INDICATORS.items():
        params = spec.default_params[:1] if name in ("MA", "EMA", "RSI") else spec.default_params
        together = ind.compute(name, two, params)
        for i, n in enumerate(lengths):
            alone = ind.compute(
                name, ind.OHLC(*(a[i, 80 - n :] for a in (grid, high, low, grid, vol))), params
            )
            for series, got in together.items():
                np.testing.assert_array_equal(got[i, 80 - n :], alone[series], err_msg=name)
                assert np.isnan(got[i, : 80 - n]).all()


def test_build_panel_right_aligns_and_skips_the_suspended():
    rows = [  # (symbol, on the as-of day?, close, volume)
        ("A", 0, 1.0, 10),
        ("A", 0, 2.0, 20),
        ("A", 1, 3.0, 30),
        ("B", 1, 9.0, 90),
        ("C", 0, 5.0, 50),  # no bar on the day: suspended
    ]
    p, short = build_panel(rows, 2, ["close", "volume"])
    assert p.symbols == ["A", "B"] and short == ["B"]
    np.testing.assert_array_equal(p.fields["close"], [[2, 3], [NAN, 9]])
    np.testing.assert_array_equal(p.fields["volume"], [[20, 30], [NAN, 90]])
    assert np.isnan(p.fields["high"]).all()  # not read


def test_fields_read_are_only_those_looked_at():
    cross = {"kind": "cross", "fast": ma(5), "slow": ma(20)}
    assert parse(cross).fields == {"close"}
    kdj = {"kind": "compare", "left": {"indicator": "KDJ"}, "op": "lt", "right": 20}
    surge = {"kind": "volume_ratio", "days": 5, "op": "gte", "ratio": 2}
    low = {"kind": "breakout", "days": 5, "direction": "low"}
    both = parse({"kind": "any", "conditions": [kdj, {"kind": "not", "condition": surge}, low]})
    assert both.fields == {"high", "low", "close", "volume"}


def test_builtins_parse():
    assert {b["id"] for b in BUILTIN} == {
        "volume_surge",
        "bullish_ma_alignment",
        "breakout_20d",
        "ma250_pullback",
    }
    assert parse(BUILTIN[3]["condition"]).bars == 251


def test_ties_are_equal_whatever_the_float_noise():
    # MA3 of 0.1, 0.2, 0.3 is 0.2 exactly in decimals, 0.20000000000000004 or so in floats.
    p = panel([[0.1, 0.2, 0.3], [0.3, 0.2, 0.2]])  # B: MA3 = 0.7/3 > 0.2
    assert values({"kind": "compare", "left": ma(3), "op": "gt", "right": 0.2}, p)
    tie = {"kind": "compare", "left": ma(3), "op": "gt", "right": 0.2}
    assert run(tie, p) == ["B"]
    assert run({**tie, "op": "gte"}, p) == ["A", "B"]
    assert run({**tie, "op": "lte"}, p) == ["A"]
    assert run({**tie, "op": "lt"}, p) == []
    # a cross needs the fast line strictly beyond: touching is not crossing
    touch = panel([[9, 10.000000000000002]])
    assert run({"kind": "cross", "fast": ma(1), "slow": 10}, touch) == []
