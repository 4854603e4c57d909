"""The checks a paper order passes (`mystocks.trading.checks`), without a database: one
hand-computed case per refusal code, and the cash a buy freezes."""

from __future__ import annotations

from typing import Any

import pytest

from mystocks.domain.rules import Costs, Fees
from mystocks.errors import OrderRefused
from mystocks.trading.checks import Limits, check_order, check_session

FEES = Fees.of(Costs())  # 0.025% commission, 5 CNY minimum, lots of 100
ROOMY = Limits(max_order_value=10**12, max_position_value=10**12, daily_loss_limit=10**12)
BANK = {"symbol": "600036.SH", "market": "CN", "price_limit_pct": 10.0}
# Last 10.00, previous close 10.00: the band is [9.00, 11.00].
QUOTE = {"last": 10.0, "limit_up": 11.0, "limit_down": 9.0}
ACCOUNT = {"id": 7, "owner": "alice"}


def never() -> int:
    raise AssertionError("asked for what this order's checks never need")


def check(
    body: dict[str, Any],
    *,
    instrument: dict[str, Any] = BANK,
    positions: list[dict[str, Any]] | None = None,
    pending: int = 0,
    loss: int = 0,
    limits: Limits = ROOMY,
) -> tuple[dict[str, Any], int]:
    order = {"symbol": "600036.SH", "side": "buy", "type": "limit", "quantity": 100} | body
    if "limit_price" not in body and order["type"] == "limit":
        order["limit_price"] = 10.0
    return check_order(
        order,
        ACCOUNT,
        "key-1",
        instrument=instrument,
        quote=QUOTE,
        positions=positions or [],
        pending_buys=lambda: pending,
        daily_loss=lambda: loss,
        limits=limits,
        fees=FEES,
    )


class Refusal:
    def __init__(self, error: OrderRefused) -> None:
        self.code = error.code
        self.field = error.problems[0].name if error.problems else None


def refusal(**kwargs: Any) -> Refusal:
    body = kwargs.pop("body", {})
    with pytest.raises(OrderRefused) as caught:
        check(body, **kwargs)
    return Refusal(caught.value)


def test_outside_the_session_is_refused() -> None:
    check_session(True)
    with pytest.raises(OrderRefused) as caught:
        check_session(False)
    assert caught.value.code == "trading_session"


@pytest.mark.parametrize(
    "instrument",
    [
        {"symbol": "AAPL.US", "market": "US", "price_limit_pct": None},
        {"symbol": "000001.SH", "market": "CN", "price_limit_pct": None},  # an index
    ],
)
def test_only_a_share_stocks_trade(instrument: dict[str, Any]) -> None:
    refused = refusal(instrument=instrument)
    assert (refused.code, refused.field) == ("unsupported_market", "symbol")


def test_buys_come_in_board_lots() -> None:
    assert refusal(body={"quantity": 150}).code == "board_lot"


def test_an_odd_lot_sells_only_as_the_whole_holding() -> None:
    held = [{"symbol": "600036.SH", "quantity": 250}]
    assert refusal(body={"side": "sell", "quantity": 50}, positions=held).code == "board_lot"
    order, freeze = check({"side": "sell", "quantity": 250}, positions=held)
    assert (order["quantity"], freeze) == (250, 0)  # a sell freezes no cash


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"type": "market", "limit_price": 10.0}, "limit_price"),
        ({"type": "limit", "limit_price": None}, "limit_price"),
        ({"limit_price": 10.005}, "price_tick"),
        ({"limit_price": 11.01}, "price_limit"),  # a tick above limit-up
        ({"limit_price": 8.99}, "price_limit"),  # a tick below limit-down
    ],
)
def test_prices(body: dict[str, Any], code: str) -> None:
    refused = refusal(body=body)
    assert (refused.code, refused.field) == (code, "limit_price")


def test_the_limit_prices_themselves_are_accepted() -> None:
    assert check({"limit_price": 11.0})[0]["limit_price"] == 1100
    assert check({"limit_price": 9.0})[0]["limit_price"] == 900


def test_an_order_worth_more_than_its_limit_is_refused() -> None:
    # 1,000 shares at 10.00 = 10,000.00 CNY: one fen over a limit of 9,999.99.
    limits = Limits(999_999, 10**12, 10**12)
    refused = refusal(body={"quantity": 1000}, limits=limits)
    assert (refused.code, refused.field) == ("max_order_value", "quantity")
    check({"quantity": 1000}, limits=Limits(1_000_000, 10**12, 10**12))


def test_a_position_worth_more_than_its_limit_is_refused() -> None:
    # Held 300 + pending 200 at last 10.00, plus this 500 at 10.00: 10,000.00 CNY.
    held = [{"symbol": "600036.SH", "quantity": 300}]
    limits = Limits(10**12, 999_999, 10**12)
    refused = refusal(body={"quantity": 500}, positions=held, pending=200, limits=limits)
    assert refused.code == "max_position"
    check({"quantity": 500}, positions=held, pending=200, limits=Limits(10**12, 1_000_000, 0))


def test_a_losing_day_stops_buys_not_sells() -> None:
    limits = Limits(10**12, 10**12, 50_000)  # 500.00 CNY
    assert refusal(loss=50_001, limits=limits).code == "daily_loss_limit"
    check({}, loss=50_000, limits=limits)  # at the limit: accepted
    held = [{"symbol": "600036.SH", "quantity": 100}]
    order = {"symbol": "600036.SH", "side": "sell", "type": "market", "quantity": 100}
    placed, _ = check_order(
        order,
        ACCOUNT,
        "key-2",
        instrument=BANK,
        quote=QUOTE,
        positions=held,
        pending_buys=never,  # a sell never asks what buys are pending, nor the day's loss
        daily_loss=never,
        limits=limits,
        fees=FEES,
    )
    assert placed["side"] == "sell"


def test_a_limit_buy_freezes_its_value_and_commission() -> None:
    # 1,000 x 10.00 = 10,000.00; commission 0.025% = 2.50, under the 5.00 minimum.
    order, freeze = check({"quantity": 1000})
    assert freeze == 1_000_000 + 500
    assert order == {
        "account_id": 7,
        "owner": "alice",
        "idempotency_key": "key-1",
        "symbol": "600036.SH",
        "side": "buy",
        "type": "limit",
        "quantity": 1000,
        "limit_price": 1000,
        "limit_up": 1100,
        "limit_down": 900,
    }


def test_a_market_buy_freezes_at_limit_up_and_pays_the_rate_above_the_minimum() -> None:
    # 10,000 x 11.00 (the most it may fill at) = 110,000.00; 0.025% of it = 27.50.
    _, freeze = check({"type": "market", "quantity": 10_000})
    assert freeze == 11_000_000 + 2_750


def test_limits_are_the_accounts_own_else_the_servers() -> None:
    account = {"max_order_value": 123, "max_position_value": None, "daily_loss_limit": 0}
    defaults = {"max_order_value": 1.0, "max_position_value": 2_000.5, "daily_loss_limit": 9.0}
    assert Limits.of(account, defaults) == Limits(123, 200_050, 0)
