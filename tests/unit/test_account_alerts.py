"""The account rule kinds on hand-computed accounts (cents): drawdown from a peak that only
rises, and the largest position's share of the equity."""

from __future__ import annotations

from typing import Any

from mystocks.alerts.account import (
    AccountView,
    account_drawdown,
    position_share,
    strategy_loss,
)
from mystocks.trading.service import PaperService, Valuation


class PeakStore:
    """The one store call a view makes: the stored peak only rises."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}

    def raise_peak(self, rule_id: int, equity: int) -> int:
        self.peaks[rule_id] = max(self.peaks.get(rule_id, equity), equity)
        return self.peaks[rule_id]


def view(cash: int, *holdings: tuple[str, int], store: PeakStore | None = None) -> AccountView:
    """An account of 100,000.00 initial cash holding (symbol, market value) positions."""
    account = {"id": 7, "initial_cash": 10_000_000, "cash": cash, "frozen_cash": 0}
    positions = [{"symbol": s, "value": v, "cost": v} for s, v in holdings]
    paper: Any = PaperService.__new__(PaperService)  # not read by these kinds
    return AccountView(Valuation(account, positions), paper, store or PeakStore())  # type: ignore[arg-type]


def rule(kind: str, threshold: float) -> dict[str, Any]:
    return {"id": 1, "kind": kind, "threshold": threshold, "peak": None}


def test_drawdown_is_measured_from_the_initial_cash_or_a_higher_equity_seen():
    store, dd = PeakStore(), rule("account_drawdown", 5.0)
    # 79,995.00 cash + 1,000 shares at 20.00: 99,995.00, 0.005% under the initial cash.
    assert account_drawdown(dd, view(7_999_500, ("600036.SH", 2_000_000), store=store)) is None
    assert dd["peak"] == 10_000_000
    # At 15.00: 94,995.00 is 5.005% down, more than 5%.
    hit = account_drawdown(dd, view(7_999_500, ("600036.SH", 1_500_000), store=store))
    assert hit is not None and hit["value"] == 5.005 and "symbol" not in hit
    assert "5.00% below its peak equity (94995.00 of 100000.00" in hit["message"]
    # At 30.00 the peak rises to 109,995.00; 5% under it is 104,495.25.
    assert account_drawdown(dd, view(7_999_500, ("600036.SH", 3_000_000), store=store)) is None
    assert dd["peak"] == store.peaks[1] == 10_999_500
    assert account_drawdown(dd, view(7_999_500, ("600036.SH", 2_451_000), store=store)) is None
    hit = account_drawdown(dd, view(7_999_500, ("600036.SH", 2_450_000), store=store))
    assert hit is not None and hit["value"] == 5.0002  # 5,500 / 109,995
    # Exactly at the bound is not "more than" it.
    assert account_drawdown(rule("account_drawdown", 5.0), view(9_500_000)) is None
    assert account_drawdown(rule("account_drawdown", 0.0), view(9_999_999)) is not None


def test_a_peak_another_instance_raised_is_taken_over():
    store, dd = PeakStore(), rule("account_drawdown", 5.0)
    store.peaks[1] = 20_000_000  # raised elsewhere while this copy of the rule says None
    hit = account_drawdown(dd, view(10_000_000, store=store))
    assert dd["peak"] == 20_000_000 and hit is not None and hit["value"] == 50.0


def test_position_share_names_the_largest_position_above_the_bound():
    share = rule("position_share", 25.0)
    # 79,995.00 cash, 1.00 of 000001.SZ, 26,670.00 of 600036.SH: 25.0033% of 106,666.00.
    hit = position_share(share, view(7_999_500, ("000001.SZ", 100), ("600036.SH", 2_667_000)))
    assert hit is not None and hit["symbol"] == "600036.SH" and hit["value"] == 25.0033
    assert hit["message"].startswith("600036.SH is 25.00% of account 7's equity")
    assert position_share(share, view(7_999_500, ("600036.SH", 2_666_000))) is None  # 24.9965%
    assert position_share(share, view(7_999_500)) is None  # nothing held
    assert position_share(share, view(0, ("600036.SH", 100))) is not None  # all in one: 100%
    assert position_share(rule("position_share", 100.0), view(0, ("600036.SH", 100))) is None


def test_strategy_loss_is_a_loss_beyond_the_bound_in_yuan():
    class Loss:
        strategy_id = 7

        def __init__(self, pnl: int) -> None:
            self.pnl = pnl

    rule = {"threshold": 10.0}
    assert strategy_loss(rule, Loss(-1000)) is None  # exactly 10.00: not beyond  # type: ignore[arg-type]
    assert strategy_loss(rule, Loss(2500)) is None  # a gain  # type: ignore[arg-type]
    hit = strategy_loss(rule, Loss(-1001))  # type: ignore[arg-type]
    assert hit is not None and hit["value"] == 10.01
    assert hit["message"] == "Strategy 7 has lost 10.01 on paper (bound 10.00)"
