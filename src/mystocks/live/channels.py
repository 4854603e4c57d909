"""WebSocket channel names: what a name means and which bus events feed it.

    ticks:{symbol}           topic `market`, type `ticks`, the items of that symbol
    quotes:{symbol}          topic `market`, type `quotes`, conflated to the newest per symbol
    quotes:watchlist:{id}    the quotes of every symbol of one of the caller's watchlists, as
                             it stood at subscribe time (subscribing again picks up changes)
    bars:{symbol}:{period}   topic `market`, type `bars`, the items of that symbol and period
                             (the feed publishes 1m, 5m, 15m, 30m and 60m bars as they close)
    signals:{strategy_id}    topic `signals`, visible to the strategy's owner and admins
    orders, alerts           topics `orders` and `alerts`, the caller's own events only

The hub indexes subscribers by a routing key: the channel's name, except for the owner-scoped
channels, whose key names the owner (`orders:alice`), so one user's events never reach another.
A watchlist channel has many keys: the `quotes:{symbol}` of each of its symbols.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKET_KINDS = ("ticks", "quotes", "bars")
OWNED_KINDS = ("orders", "alerts")
BAR_PERIODS = ("1m", "5m", "15m", "30m", "60m")

_SYMBOL = r"[A-Za-z0-9]{1,12}\.[A-Za-z]{2}"
_NAME = re.compile(
    r"quotes:watchlist:(?P<watchlist>[1-9][0-9]{0,15})"
    rf"|(?P<kind>ticks|quotes):(?P<symbol>{_SYMBOL})"
    rf"|bars:(?P<bar_symbol>{_SYMBOL}):(?P<period>[0-9a-z]{{1,4}})"
    r"|signals:(?P<strategy>[1-9][0-9]{0,15})"
    r"|(?P<owned>orders|alerts)"
)


class ChannelRefused(Exception):
    """A channel the caller may not have; `code` is a `WsErrorData.code`."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Channel:
    name: str  # canonical: symbols in upper case
    kind: str  # ticks, quotes, bars, signals, orders or alerts
    key: str  # the hub's routing key
    strategy_id: int = 0  # of a signals channel: its visibility is checked on subscribe
    watchlist_id: int = 0  # of a watchlist channel, whose `symbols` are read on subscribe
    symbols: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """The hub's routing keys of this channel."""
        if self.watchlist_id:
            return tuple(f"quotes:{symbol}" for symbol in self.symbols)
        return (self.key,)


def parse(raw: str, username: str) -> Channel:
    """The channel a name stands for, for `username`; ChannelRefused when it is malformed."""
    found = _NAME.fullmatch(raw)
    if found is None:
        raise ChannelRefused("unknown_channel", f"{raw}: not a channel name.")
    if found["watchlist"]:
        return Channel(raw, "quotes", raw, watchlist_id=int(found["watchlist"]))
    if found["kind"]:
        name = f"{found['kind']}:{found['symbol'].upper()}"
        return Channel(name, found["kind"], name)
    if found["bar_symbol"]:
        if found["period"] not in BAR_PERIODS:
            raise ChannelRefused(
                "unsupported_period",
                f"{raw}: live bars come in periods {', '.join(BAR_PERIODS)} only.",
            )
        name = f"bars:{found['bar_symbol'].upper()}:{found['period']}"
        return Channel(name, "bars", name)
    if found["strategy"]:
        return Channel(raw, "signals", raw, int(found["strategy"]))
    owned = found["owned"]
    return Channel(owned, owned, owned_key(owned, username))


def owned_key(kind: str, owner: str) -> str:
    return f"{kind}:{owner}"
