from __future__ import annotations

import pytest

from mystocks.market.quotes import price_limits

MAIN = {"price_limit_pct": 0.10, "tick_size": 0.01}
CHINEXT = {"price_limit_pct": 0.20, "tick_size": 0.01}


@pytest.mark.parametrize(
    ("prev_close", "inst", "limits"),
    [
        (10.05, MAIN, (11.06, 9.05)),  # 11.055 and 9.045 round half up, as the exchanges do
        (25.53, MAIN, (28.08, 22.98)),
        (12.34, CHINEXT, (14.81, 9.87)),
        (3.33, {"price_limit_pct": 0.05, "tick_size": 0.01}, (3.5, 3.16)),
    ],
)
def test_price_limits_round_half_up_to_the_tick(prev_close, inst, limits):
    assert price_limits(prev_close, inst) == limits


def test_no_band_no_limits():
    assert price_limits(10.0, {"price_limit_pct": None, "tick_size": 0.01}) == (None, None)
    assert price_limits(None, MAIN) == (None, None)
