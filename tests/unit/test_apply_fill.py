"""`trading.model.apply_fill` on hand-computed cases: no database, no service.

Amounts are cents. The fees in each `Fill` are what `rules.commission` and `rules.stamp_duty`
charge at the default costs (0.025% commission, 5 yuan minimum, 0.05% stamp duty on sells),
computed by hand in the comments and checked against those functions once below.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mystocks.domain.rules import Costs, Fees, commission, stamp_duty
from mystocks.trading.model import (
    Account,
    Fill,
    FillRefused,
    Order,
    Position,
    Trade,
    apply_fill,
)

MON, TUE = dt.date(2024, 3, 4), dt.date(2024, 3, 5)
AT = dt.datetime(2024, 3, 4, 2, 0, tzinfo=dt.UTC)  # 10:00 in Shanghai


def order(side: str = "buy", qty: int = 1_000, frozen: int = 0, **kw: object) -> Order:
    values: dict[str, object] = {
        "id": 7,
        "account_id": 1,
        "symbol": "600000.SH",
        "side": side,
        "quantity": qty,
        "filled_quantity": 0,
        "filled_value": 0,
        "fees": 0,
        "frozen_cash": frozen,
        "status": "new",
    }
    return Order(**(values | kw))  # type: ignore[arg-type]


def test_the_fees_below_are_what_the_rules_charge() -> None:
    fees = Fees.of(Costs())
    assert commission(10_500_000, fees) == 2_625  # 105,000.00 x 0.025% = 26.25
    assert commission(11_000_000, fees) == 2_750  # 110,000.00 x 0.025% = 27.50
    assert commission(315_000, fees) == 500  # 0.79 is below the 5.00 minimum
    assert commission(480_000, fees) == 500  # 1.20: the minimum again
    assert stamp_duty(480_000, fees) == 240  # 4,800.00 x 0.05%, sells only


def test_a_whole_buy_pays_from_its_frozen_cash_and_gives_back_the_rest() -> None:
    # 10,000 shares at 10.50 = 105,000.00, commission 26.25. The order froze its value at its
    # limit of 11.00 and that value's commission: 110,000.00 + 27.50.
    o = order(qty=10_000, frozen=11_002_750)
    fill = Fill(1_050, 10_000, 2_625, 0, AT, MON)
    account = Account(1, cash=100_000_000 - 11_002_750, frozen_cash=11_002_750, realized_pnl=0)
    o2, p2, a2, trade = apply_fill(o, None, account, fill)
    assert (o2.status, o2.filled_quantity, o2.filled_value, o2.fees, o2.frozen_cash) == (
        "filled",
        10_000,
        10_500_000,
        2_625,
        0,
    )
    assert p2 == Position(1, "600000.SH", 10_000, 0, 10_000, MON, 10_502_625, 0)
    # Paid 105,026.25 of the 110,027.50 frozen; the 5,001.25 left goes back to free cash.
    assert a2 == Account(1, cash=88_997_250 + 500_125, frozen_cash=0, realized_pnl=0)
    assert a2.cash == 100_000_000 - 10_502_625
    assert trade == Trade(1, 7, "600000.SH", "buy", 1_050, 10_000, 2_625, 0, None, AT)


def test_a_partial_buy_keeps_the_rest_frozen_and_pays_a_minimum_commission_beyond_it() -> None:
    # The order froze 5,300.00 (500 shares at a limit of 10.50 = 5,250.00, 5.00 of commission, and
    # some more: a market buy freezes at the limit-up price).
    o = order(qty=500, frozen=530_000)
    first = Fill(1_050, 300, 500, 0, AT, MON)  # 3,150.00 and the 5.00 minimum commission
    o2, p2, a2, _ = apply_fill(o, None, Account(1, 0, 530_000, 0), first)
    assert (o2.status, o2.filled_quantity, o2.frozen_cash) == ("partially_filled", 300, 214_500)
    assert (a2.cash, a2.frozen_cash) == (0, 214_500)
    # The second fill costs 2,100.00 + 5.00 = 2,105.00 against 2,145.00 still frozen: the order
    # is filled, the 40.00 left returns to free cash.
    second = Fill(1_050, 200, 500, 0, AT, MON)
    o3, p3, a3, _ = apply_fill(o2, p2, a2, second)
    assert (o3.status, o3.frozen_cash, o3.fees, o3.filled_value) == ("filled", 0, 1_000, 525_000)
    assert (a3.cash, a3.frozen_cash) == (4_000, 0)
    assert (p3.quantity, p3.cost, p3.bought_today) == (500, 526_000, 500)


def test_a_buy_beyond_its_frozen_cash_takes_the_difference_from_free_cash() -> None:
    # Frozen 100.00 but the fill costs 100.00 + 5.00 minimum commission: 5.00 from free cash.
    o = order(qty=100, frozen=10_000)
    _, _, a2, _ = apply_fill(o, None, Account(1, 1_000, 10_000, 0), Fill(100, 100, 500, 0, AT, MON))
    assert (a2.cash, a2.frozen_cash) == (500, 0)


def test_a_buy_on_a_later_day_restarts_the_shares_bought_today() -> None:
    held = Position(1, "600000.SH", 1_000, 0, 1_000, MON, 1_050_500, 0)
    o = order(qty=200, frozen=300_000)
    _, p2, _, _ = apply_fill(o, held, Account(1, 0, 300_000, 0), Fill(1_100, 200, 500, 0, AT, TUE))
    assert (p2.quantity, p2.bought_today, p2.bought_day, p2.cost) == (1_200, 200, TUE, 1_271_000)
    # The same day adds to it.
    _, p3, _, _ = apply_fill(o, held, Account(1, 0, 300_000, 0), Fill(1_100, 200, 500, 0, AT, MON))
    assert (p3.bought_today, p3.bought_day) == (1_200, MON)


def test_a_partial_sell_realizes_the_proceeds_net_of_fees_minus_the_average_cost() -> None:
    # 1,000 shares that cost 10,505.00; sell 400 at 12.00 = 4,800.00, commission 5.00 (the
    # minimum: 1.20), stamp duty 2.40. Cost removed: 1,050,500 x 400 // 1,000 = 420,200.
    held = Position(1, "600000.SH", 1_000, 400, 0, MON, 1_050_500, 0)
    o = order("sell", qty=400)
    o2, p2, a2, trade = apply_fill(
        o, held, Account(1, 100, 0, 0), Fill(1_200, 400, 500, 240, AT, TUE)
    )
    pnl = 480_000 - 500 - 240 - 420_200
    assert pnl == 59_060
    assert p2 == Position(1, "600000.SH", 600, 0, 0, MON, 630_300, pnl)
    assert a2 == Account(1, cash=100 + 480_000 - 740, frozen_cash=0, realized_pnl=pnl)
    assert (o2.status, o2.fees, o2.frozen_cash) == ("filled", 740, 0)
    assert (trade.realized_pnl, trade.stamp_duty, trade.side) == (pnl, 240, "sell")


def test_selling_the_last_share_takes_the_whole_remaining_cost() -> None:
    # 3 shares that cost 10.00: 1 share leaves at 3.33 (10 // 3), the last 2 at the 6.67 left.
    held = Position(1, "600000.SH", 3, 3, 0, MON, 1_000, 0)
    o = order("sell", qty=3)
    o2, p2, a2, _ = apply_fill(o, held, Account(1, 0, 0, 0), Fill(500, 1, 0, 0, AT, TUE))
    assert (p2.quantity, p2.cost) == (2, 667)
    _, p3, a3, _ = apply_fill(o2, p2, a2, Fill(500, 2, 0, 0, AT, TUE))
    assert (p3.quantity, p3.frozen, p3.cost) == (0, 0, 0)
    assert a3.realized_pnl == 1_500 - 1_000


@pytest.mark.parametrize(
    ("o", "held", "fill", "why"),
    [
        (order(status="filled"), None, Fill(100, 100, 0, 0, AT, MON), "is filled"),
        (order(status="cancelled"), None, Fill(100, 100, 0, 0, AT, MON), "is cancelled"),
        (order(qty=100), None, Fill(100, 200, 0, 0, AT, MON), "do not fit"),
        (order(qty=100, filled_quantity=100), None, Fill(100, 1, 0, 0, AT, MON), "do not fit"),
        (order(), None, Fill(100, 0, 0, 0, AT, MON), "do not fit"),
        (
            order("sell", qty=100),
            Position(1, "600000.SH", 100, 0, 0, MON, 0, 0),
            Fill(100, 100, 0, 0, AT, TUE),
            "did not freeze",
        ),
        (order("sell", qty=100), None, Fill(100, 100, 0, 0, AT, TUE), "did not freeze"),
    ],
)
def test_a_fill_that_does_not_fit_is_refused(
    o: Order, held: Position | None, fill: Fill, why: str
) -> None:
    with pytest.raises(FillRefused, match=why):
        apply_fill(o, held, Account(1, 10**9, 10**9, 0), fill)


def test_the_inputs_are_left_as_they_were() -> None:
    o = order(frozen=1_100_500)
    account = Account(1, 0, 1_100_500, 0)
    apply_fill(o, None, account, Fill(1_050, 1_000, 500, 0, AT, MON))
    assert (o.filled_quantity, o.status, account.frozen_cash) == (0, "new", 1_100_500)
