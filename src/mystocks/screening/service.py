"""Screen use cases: run a screen over a universe, saved screens (CRUD) and the built-ins.

A run reads, in one query, the daily bars its condition needs (the longest lookback of its
parts, `screening.Node.bars`) for every symbol of the universe up to the as-of day, arranges
them as symbols x bars arrays and evaluates the condition once for all symbols
(`services.screening`). Saved screens are private, with optimistic locking as watchlists.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any, cast

import numpy as np
from mystocks_contract import typeddicts as td

from mystocks.adapters.manager import UnifiedManager
from mystocks.domain import paging
from mystocks.domain.versions import required_version
from mystocks.errors import FieldProblem, NotFound, RuleViolation
from mystocks.identity.auth import Principal
from mystocks.screening.engine import FIELDS, Node, Panel, evaluate, parse
from mystocks.screening.store import ScreenStore
from mystocks.watchlists.service import WatchlistService

MAX_SCREENS = 100  # per user

_MA = {"kind": "compare", "op": "gt"}


def _ma(n: int) -> dict[str, Any]:
    return {"indicator": "MA", "params": [n]}


BUILTIN: tuple[dict[str, Any], ...] = (
    {
        "id": "volume_surge",
        "name": "放量上涨",
        "description": "Volume at least twice the mean of the 5 bars before, on a rising day.",
        "condition": {
            "kind": "all",
            "conditions": [
                {"kind": "volume_ratio", "days": 5, "op": "gte", "ratio": 2},
                {"kind": "compare", "left": {"field": "change_pct"}, "op": "gt", "right": 0},
            ],
        },
    },
    {
        "id": "bullish_ma_alignment",
        "name": "均线多头排列",
        "description": "Close > MA(5) > MA(10) > MA(20) > MA(60).",
        "condition": {
            "kind": "all",
            "conditions": [
                {**_MA, "left": {"field": "close"}, "right": _ma(5)},
                {**_MA, "left": _ma(5), "right": _ma(10)},
                {**_MA, "left": _ma(10), "right": _ma(20)},
                {**_MA, "left": _ma(20), "right": _ma(60)},
            ],
        },
    },
    {
        "id": "breakout_20d",
        "name": "20日新高突破",
        "description": "The close above the highest high of the 20 bars before it.",
        "condition": {"kind": "breakout", "days": 20, "direction": "high"},
    },
    {
        "id": "ma250_pullback",
        "name": "回踩年线",
        "description": (
            "In an uptrend (MA(60) above MA(250)), the day's low touched MA(250) and the close "
            "held above it."
        ),
        "condition": {
            "kind": "all",
            "conditions": [
                {**_MA, "left": _ma(60), "right": _ma(250)},
                {"kind": "compare", "left": {"field": "low"}, "op": "lte", "right": _ma(250)},
                {"kind": "compare", "left": {"field": "close"}, "op": "gte", "right": _ma(250)},
            ],
        },
    },
)
_BUILTIN = {b["id"]: b for b in BUILTIN}


def calendar_span(bars: int) -> int:
    """Calendar days that surely hold `bars` trading days: about 244 a year, and the
    Spring Festival closes the A-share market for a week or more."""
    return math.ceil(bars * 1.5) + 20


def build_panel(
    rows: Sequence[Sequence[Any]], width: int, columns: Sequence[str]
) -> tuple[Panel, list[str]]:
    """Rows (symbol, on the as-of day?, *columns) ordered by symbol and date -> a Panel of the
    symbols whose last row is on the as-of day, each its last `width` bars, right-aligned and
    left-padded with NaN (fields not read are all NaN). Also answers the symbols short of
    `width` bars."""
    if not rows:
        return Panel([], {f: np.empty((0, width)) for f in FIELDS}), []
    cols = list(zip(*rows, strict=True))
    sym = np.asarray(cols[0], dtype=object)
    starts = np.flatnonzero(np.r_[True, sym[1:] != sym[:-1]])
    ends = np.r_[starts[1:], len(sym)]  # exclusive
    today = np.asarray(cols[1], dtype=bool)[ends - 1]  # suspended on the as-of day: skipped
    keep = np.flatnonzero(today)
    counts = ends - starts
    row_group = np.repeat(np.arange(len(starts)), counts)
    from_end = np.repeat(ends, counts) - np.arange(len(sym))  # 1 for a symbol's last row
    slot = np.full(len(starts), -1)
    slot[keep] = np.arange(len(keep))
    take = (from_end <= width) & (slot[row_group] >= 0)
    r, c = slot[row_group[take]], width - from_end[take]
    fields: dict[str, Any] = {}
    for name in FIELDS:
        grid = np.full((len(keep), width), np.nan)
        if name in columns:
            grid[r, c] = np.asarray(cols[2 + columns.index(name)], dtype=np.float64)[take]
        fields[name] = grid
    short = [str(s) for s in sym[starts[keep]][counts[keep] < width]]
    return Panel([str(s) for s in sym[starts[keep]]], fields), short


class ScreenService:
    def __init__(
        self, store: ScreenStore, data: UnifiedManager, watchlists: WatchlistService
    ) -> None:
        self.store = store
        self.data = data
        self.watchlists = watchlists

    # -- running ------------------------------------------------------------------------------
    def run_screen(
        self, principal: Principal, body: Mapping[str, Any], *, cursor: str | None, limit: int
    ) -> td.ScreenResult:
        node = self._condition(principal, body)
        after = paging.decode("screens.run", cursor)
        universe = self._universe(principal, body.get("universe") or {})
        as_of = None if body.get("as_of") is None else dt.date.fromisoformat(body["as_of"])
        panel, day = self.screen(node, universe, as_of)
        if day is None:
            return {"as_of": None, "screened": 0, "matched": 0, "items": [], "next_cursor": None}
        outcome = evaluate(node, panel)
        hits = np.flatnonzero(outcome.match)
        matched = [panel.symbols[i] for i in hits]
        first = 0 if after is None else int(np.searchsorted(np.asarray(matched), after, "right"))
        page = hits[first : first + limit]
        names = self.data.relational.get_instruments([panel.symbols[i] for i in page])
        items: list[td.ScreenMatch] = []
        for i in page:
            symbol = panel.symbols[i]
            values = {
                label: round(float(v[i]), 6)
                for label, v in outcome.values.items()
                if math.isfinite(v[i])
            }
            items.append({"symbol": symbol, "name": names[symbol]["name"], "values": values})
        more = first + limit < len(hits)
        return {
            "as_of": day.isoformat(),
            "screened": panel.size,
            "matched": len(hits),
            "items": items,
            "next_cursor": paging.encode("screens.run", items[-1]["symbol"]) if more else None,
        }

    def screen(
        self, node: Node, universe: list[str], as_of: dt.date | None
    ) -> tuple[Panel, dt.date | None]:
        """The universe's bars for `node` up to the as-of day (default: the newest with bars)."""
        relational = self.data.relational
        day = as_of or (relational.last_bar_date(universe, None) if universe else None)
        if day is None:
            return Panel([], {}), None
        start = day - dt.timedelta(days=calendar_span(node.bars))
        columns = sorted(node.fields)  # only the fields the condition looks at
        rows = relational.screen_bars(universe, start, day, columns)
        panel, short = build_panel(rows, node.bars, columns)
        if short:
            # Suspended for a while or newly listed: their window holds too few bars, so read
            # their last bars whatever their dates (a second query, for these few only).
            missing = set(short)
            extra = relational.screen_bars_last(short, day, node.bars, columns)
            kept = [row for row in rows if row[0] not in missing]
            rows = sorted(kept + list(extra), key=lambda row: str(row[0]))  # stable: date order
            panel, _ = build_panel(rows, node.bars, columns)
        return panel, day

    def _condition(self, principal: Principal, body: Mapping[str, Any]) -> Node:
        chosen = [k for k in ("condition", "screen_id", "builtin") if body.get(k) is not None]
        if len(chosen) != 1:
            detail = "Send exactly one of condition, screen_id and builtin."
            raise RuleViolation(detail, (FieldProblem("body", "condition", detail),))
        if chosen[0] == "screen_id":
            return parse(self._own(principal, body["screen_id"])["condition"])
        if chosen[0] == "builtin":
            found = _BUILTIN.get(body["builtin"])
            if found is None:
                detail = f"is not a built-in screen; expected one of {', '.join(_BUILTIN)}"
                raise RuleViolation(f"builtin {detail}", (FieldProblem("body", "builtin", detail),))
            return parse(found["condition"])
        return parse(body["condition"])

    def _universe(self, principal: Principal, filters: Mapping[str, Any]) -> list[str]:
        symbols = None
        if filters.get("watchlist_id") is not None:
            symbols = self.watchlists.symbols_of(principal, filters["watchlist_id"])
        return self.data.relational.screen_universe(
            exchange=filters.get("exchange"),
            industry=filters.get("industry"),
            type=filters.get("type"),
            symbols=symbols,
        )

    def list_builtin_screens(self) -> td.BuiltinScreenList:
        return cast(td.BuiltinScreenList, {"items": list(BUILTIN)})

    # -- saved screens ------------------------------------------------------------------------
    def _own(self, principal: Principal, screen_id: int) -> dict[str, Any]:
        row = self.store.get(screen_id)
        if row is None or row["owner"] != principal.username:
            raise NotFound(f"No screen {screen_id} of yours.")
        return row

    def get_screen(self, principal: Principal, screen_id: int) -> td.Screen:
        return present(self._own(principal, screen_id))

    def list_screens(
        self, principal: Principal, *, cursor: str | None, limit: int
    ) -> td.ScreenPage:
        before = paging.decode_id("screens", cursor)
        rows = self.store.page(owner=principal.username, before_id=before, limit=limit + 1)
        return cast(td.ScreenPage, paging.id_page("screens", [present(r) for r in rows], limit))

    def create_screen(self, principal: Principal, body: Mapping[str, Any]) -> td.Screen:
        fields = _fields(body)
        if self.store.count(principal.username) >= MAX_SCREENS:
            raise RuleViolation(f"You have {MAX_SCREENS} screens already, the most one may keep.")
        return present(self.store.create(principal.username, fields))

    def replace_screen(
        self, principal: Principal, screen_id: int, if_match: str | None, body: Mapping[str, Any]
    ) -> td.Screen:
        version = self._precondition(principal, screen_id, if_match)
        return present(self.store.replace(screen_id, version, _fields(body)))

    def delete_screen(self, principal: Principal, screen_id: int, if_match: str | None) -> None:
        version = self._precondition(principal, screen_id, if_match)
        self.store.delete(screen_id, version)

    def _precondition(
        self, principal: Principal, screen_id: int, if_match: str | None
    ) -> int | None:
        self._own(principal, screen_id)
        return required_version(if_match, f"screen {screen_id}")


def _fields(body: Mapping[str, Any]) -> dict[str, Any]:
    parse(body["condition"])  # 422 pointing at a bad part before anything is stored
    return {
        "name": body["name"],
        "description": body.get("description", ""),
        "condition": body["condition"],
    }


def present(row: Mapping[str, Any]) -> td.Screen:
    return {
        "id": row["id"],
        "owner": row["owner"],
        "name": row["name"],
        "description": row["description"],
        "condition": row["condition"],
        "version": row["version"],
        "created_at": row["created_at"].isoformat(),
        "updated_at": row["updated_at"].isoformat(),
    }
