"""The shared A-share rules, and the backtest's inlined fees agreeing with them."""

from __future__ import annotations

import numpy as np

from mystocks.backtest.fills import simulate
from mystocks.domain.rules import Costs, Fees, commission, limit_prices, lot_problem, stamp_duty


def test_backtest_fills_charge_the_shared_fees():
    fees = Fees.of(Costs())
    o = np.array([1000, 1013, 1021, 1040, 1007], dtype=np.int64)
    days = np.arange(5, dtype=np.int64)
    want = np.array([1, 1, 0, 1, 1], dtype=np.int8)
    log = simulate(o, o, days, 0.10, want, 1_000_000, fees)
    cash = 1_000_000
    for price, qty, fee, after in zip(
        log.price, log.quantity, log.commission, log.cash_after, strict=True
    ):
        value = int(price) * abs(int(qty))
        assert fee == commission(value, fees)
        duty = stamp_duty(value, fees) if qty < 0 else 0
        cash += -value - fee if qty > 0 else value - fee - duty
        assert after == cash


def test_limits_round_half_up_and_lots():
    assert limit_prices(1005, 1000) == (1106, 905)  # 11.055 -> 11.06, 9.045 -> 9.05
    assert lot_problem("buy", 150, 100, 0) is not None
    assert lot_problem("sell", 150, 100, 150) is None
    assert lot_problem("sell", 50, 100, 150) is not None
