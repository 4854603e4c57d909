"""Paper orders matched against the live feed's ticks (topic `market`, event `ticks`).

For each tick, every open order of its symbol is looked at, oldest first:
* a market order fills at the tick's price plus (buy) or minus (sell) the slippage of
  ``rules.Costs`` (the backtest's), never beyond the day's limit price nor below one tick;
* a limit order fills at the tick's price when that reaches the limit (<= for buys, >= sells);
* one fill takes at most ``paper_fill_volume_share`` of the tick's volume, in whole board
  lots (a sell's odd remainder goes whole), so a big order fills partly over several ticks;
* fees are the backtest's (``rules.commission``, ``rules.stamp_duty``).
Each fill is ONE transaction (``PaperStore.fill``), and its `trade` and `order_update` events go
out on topic `orders` to the account's owner only after it committed. Orders of an earlier
trading day expire instead (day orders); `expire` sweeps them periodically as well, so they end
at the close even when no tick of a later day comes.

Every instance matches; the store's conditional UPDATE of the order lets exactly one of them
apply a given fill (the others find the order changed and skip it).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from collections.abc import Sequence
from typing import Any

from anyio import to_thread

from mystocks.adapters.bus import EventBus
from mystocks.adapters.follow import follow
from mystocks.adapters.sql.scope import shared
from mystocks.domain.rules import commission, stamp_duty
from mystocks.trading.model import Fill
from mystocks.trading.service import PaperService, trading_day

log = logging.getLogger("mystocks.matching")


class Matching:
    def __init__(self, paper: PaperService, bus: EventBus) -> None:
        self.paper = paper
        self.bus = bus
        self.following = threading.Event()  # set once ticks published from then on are matched

    def on_ticks(self, items: Sequence[dict[str, Any]]) -> int:
        """Match the open orders against these ticks (in order); answers the fills made."""
        by_symbol: dict[str, list[dict[str, Any]]] = {}
        for tick in items:
            by_symbol.setdefault(tick["symbol"], []).append(tick)
        with shared(self.paper.store.engine):  # one pool checkout for the whole batch
            return self._match_all(by_symbol)

    def _match_all(self, by_symbol: dict[str, list[dict[str, Any]]]) -> int:
        orders = self.paper.store.open_orders(list(by_symbol))
        fills = 0
        for order in orders:
            for tick in by_symbol[order["symbol"]]:
                if order["status"] not in ("new", "partially_filled"):
                    break
                done = self.match(order, tick)
                if done is None:
                    continue
                fills += 1
                order = done
        return fills

    def match(self, order: dict[str, Any], tick: dict[str, Any]) -> dict[str, Any] | None:
        """Fill `order` on `tick` if it can; the order afterwards, or None (no fill)."""
        when = dt.datetime.fromisoformat(tick["ts"])
        day = trading_day(when)
        if order["trading_day"] < day:  # a day order outlived its day
            with self.paper.uow() as uow:
                expired = self.paper.store.close(order["id"], "expired")
                if expired is not None:
                    self.paper.order_events(uow, expired)
                    uow.commit()
            return None
        fill = self.price(order, tick, day, when)
        if fill is None:
            return None
        with self.paper.uow() as uow:
            done = self.paper.store.fill(order, fill)
            if done is None:  # another instance filled it, or it was cancelled meanwhile
                return None
            updated, trade = done
            self.paper.order_events(uow, updated, trade)
            uow.commit()  # the fill, then its `trade` and `order_update` events
        return updated

    def price(
        self, order: dict[str, Any], tick: dict[str, Any], day: dt.date, when: dt.datetime
    ) -> Fill | None:
        fees = self.paper.fees
        buy = order["side"] == "buy"
        px = round(tick["price"] * 100)
        up, down = order["limit_up"], order["limit_down"]
        if order["type"] == "market":
            px = px + fees.slip if buy else max(px - fees.slip, fees.tick)
            if buy and up is not None:
                px = min(px, up)
            if not buy and down is not None:
                px = max(px, down)
        elif (buy and px > order["limit_price"]) or (not buy and px < order["limit_price"]):
            return None
        rest = order["quantity"] - order["filled_quantity"]
        share = int(tick["volume"] * self.paper.settings.paper_fill_volume_share)
        qty = rest if share >= rest else share - share % fees.lot
        if qty <= 0:
            return None
        value = px * qty
        duty = 0 if buy else stamp_duty(value, fees)
        return Fill(px, qty, commission(value, fees), duty, when, day)

    async def run(self) -> None:
        """Follow the feed's ticks until cancelled (a task of the server's lifespan)."""
        await follow(
            self.bus,
            "market",
            "ticks",
            self.on_ticks,
            lambda: None,
            what="matching",
            ready=self.following,
        )

    async def expire(self) -> None:
        """Expire the day orders whose day ended (`PaperService.expire_due`) every
        `paper_expiry_interval_seconds` until cancelled (a task of the server's lifespan): a
        quiet feed sends no tick of a later day to expire them. A failed sweep is logged, and
        the next one tries again."""
        every = self.paper.settings.paper_expiry_interval_seconds
        while True:
            try:
                await to_thread.run_sync(self.paper.expire_due)
            except Exception:  # the database away for a moment must not end the task
                log.exception("expiring day orders failed; trying again in %.0f s", every)
            await asyncio.sleep(every)
