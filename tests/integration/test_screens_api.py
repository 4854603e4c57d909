"""Screens over HTTP on the sample data: built-ins against a plain pandas computation, indicator
values equal to the indicators endpoint's, bad conditions pointed at, saved screens, paging."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd  # type: ignore[import-untyped, unused-ignore]
import pytest

from mystocks.screening.engine import TIE
from tests.conftest import login

RUN = "/api/v1/screens/run"
URL = "/api/v1/screens"


def _run(client: Any, headers: dict[str, str], body: dict[str, Any], **params: Any) -> Any:
    response = client.post(RUN, headers=headers, json=body, params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture(scope="module")
def sample_bars(shared_app: Any) -> pd.DataFrame:
    engine = shared_app.services.data.relational.engine
    frame = pd.read_sql(
        "SELECT symbol, date, open, high, low, close, volume FROM daily_bars", engine
    )
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    return frame.sort_values(["symbol", "date"]).reset_index(drop=True)


def _pandas_rule(bars: pd.DataFrame, builtin: str) -> pd.Series:
    """Each built-in rule in plain pandas, per symbol over all its bars."""
    g = bars.groupby("symbol", sort=False)

    def ma(n: int) -> pd.Series:
        return g["close"].transform(lambda s: s.rolling(n).mean())

    def gt(a: Any, b: Any) -> pd.Series:  # the screen's tie rule: within 1e-9 is equal
        return (a - b) > TIE * np.maximum(np.abs(a), np.abs(b))

    close, prev = bars["close"], g["close"].shift(1)
    if builtin == "breakout_20d":
        return gt(close, g["high"].transform(lambda s: s.shift(1).rolling(20).max()))
    if builtin == "bullish_ma_alignment":
        return gt(close, ma(5)) & gt(ma(5), ma(10)) & gt(ma(10), ma(20)) & gt(ma(20), ma(60))
    if builtin == "volume_surge":
        before = g["volume"].transform(lambda s: s.shift(1).rolling(5).mean())
        ratio = bars["volume"] / before
        return ratio.notna() & ~gt(2, ratio) & gt(close, prev)
    assert builtin == "ma250_pullback"
    m250 = ma(250)
    return gt(ma(60), m250) & m250.notna() & ~gt(bars["low"], m250) & ~gt(m250, close)


@pytest.mark.parametrize(
    "builtin", ["breakout_20d", "bullish_ma_alignment", "volume_surge", "ma250_pullback"]
)
def test_builtin_screen_matches_plain_pandas(client, viewer_headers, sample_bars, builtin):
    hits = sample_bars.assign(hit=_pandas_rule(sample_bars, builtin).to_numpy())
    cn = sample_bars["symbol"].str.endswith((".SH", ".SZ"))
    days = sorted(sample_bars.loc[cn, "date"].unique())[-250::10]  # 25 days over the last year
    found = 0
    for day in days:
        want = sorted(hits.loc[(hits["date"] == day) & hits["hit"], "symbol"])
        got = _run(client, viewer_headers, {"builtin": builtin, "as_of": day.isoformat()})
        assert [m["symbol"] for m in got["items"]] == want, (builtin, day)
        assert got["screened"] == int((sample_bars["date"] == day).sum())
        found += len(want)
    if builtin != "ma250_pullback":  # a rare event; the others must not pass vacuously
        assert found > 0


def test_indicator_values_equal_the_indicators_endpoint(client, viewer_headers):
    day = "2017-07-26"
    operands = [
        ({"indicator": "MA", "params": [20]}, "MA", "20", "MA20", 0.0),
        ({"indicator": "BOLL", "output": "UPPER"}, "BOLL", None, "UPPER", 0.0),
        ({"indicator": "RSI", "params": [6]}, "RSI", "6", "RSI6", 1e-6),
        ({"indicator": "MACD", "output": "DEA"}, "MACD", None, "DEA", 1e-6),
        ({"indicator": "KDJ", "output": "J"}, "KDJ", None, "J", 1e-6),
    ]
    conditions = [{"kind": "compare", "left": op, "op": "gt", "right": -1e9} for op, *_ in operands]
    got = _run(client, viewer_headers, {"condition": {"kind": "all", "conditions": conditions}})
    assert got["as_of"] == day and got["matched"] >= 3
    for match in got["items"][:3]:
        for _operand, name, params, series, tolerance in operands:
            query = {"indicator": name, "start": day, "end": day}
            if params:
                query["params"] = params
            endpoint = client.get(
                f"/api/v1/market/indicators/{match['symbol']}", headers=viewer_headers, params=query
            ).json()["items"][-1]["values"][series]
            label = next(k for k in match["values"] if k.startswith(name))
            assert match["values"][label] == pytest.approx(endpoint, abs=tolerance), label


def test_paging_and_universe_filters(client, viewer_headers):
    cond = {"kind": "compare", "left": {"field": "close"}, "op": "gt", "right": 0}
    body = {"condition": cond, "as_of": "2017-07-26"}
    everything = _run(client, viewer_headers, body)
    symbols = [m["symbol"] for m in everything["items"]]
    assert symbols == sorted(symbols) and everything["matched"] == len(symbols) >= 3
    assert all(m["name"] and m["values"]["close"] > 0 for m in everything["items"])
    pages, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = _run(client, viewer_headers, body, **params)
        pages += [m["symbol"] for m in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == symbols
    sse = _run(client, viewer_headers, {**body, "universe": {"exchange": "SSE"}})
    assert [m["symbol"] for m in sse["items"]] == [s for s in symbols if s.endswith(".SH")]
    index = _run(client, viewer_headers, {**body, "universe": {"type": "index"}})
    assert [m["symbol"] for m in index["items"]] == ["000001.SH"]
    # US bars end in 2013: on a 2013 day the US stocks are screened too
    us = _run(client, viewer_headers, {"condition": cond, "as_of": "2013-01-04"})
    assert any(m["symbol"].endswith(".US") for m in us["items"])


@pytest.mark.parametrize(
    ("body", "status", "pointer"),
    [
        (
            {
                "condition": {
                    "kind": "compare",
                    "left": {"indicator": "XYZ"},
                    "op": "gt",
                    "right": 1,
                }
            },
            422,
            "condition.left.indicator",
        ),
        (
            {
                "condition": {
                    "kind": "any",
                    "conditions": [
                        {"kind": "breakout", "days": 5},
                        {
                            "kind": "cross",
                            "fast": {"indicator": "EMA", "params": [0.5]},
                            "slow": 10,
                        },
                    ],
                }
            },
            422,
            "condition.conditions[1].fast.params[0]",
        ),
        (
            {
                "condition": {
                    "kind": "not",
                    "condition": {
                        "kind": "not",
                        "condition": {
                            "kind": "not",
                            "condition": {
                                "kind": "not",
                                "condition": {
                                    "kind": "not",
                                    "condition": {"kind": "breakout", "days": 5},
                                },
                            },
                        },
                    },
                }
            },
            422,
            "condition" + ".condition" * 5,
        ),
        ({}, 422, "condition"),
        ({"builtin": "breakout_20d", "condition": {"kind": "breakout", "days": 5}}, 422, None),
        ({"builtin": "nope"}, 422, "builtin"),
        ({"condition": {"kind": "breakout", "days": 0}}, 400, "condition.days"),
        ({"condition": {"kind": "sideways"}}, 400, "condition.kind"),
        ({"condition": {"kind": {"kind": "breakout"}}}, 400, "condition.kind"),  # not a string
        (
            {"condition": {"kind": "all", "conditions": [{"kind": "change", "days": 5}]}},
            400,
            "condition.conditions[0].op",
        ),
    ],
)
def test_bad_conditions_point_at_the_offending_part(client, viewer_headers, body, status, pointer):
    response = client.post(RUN, headers=viewer_headers, json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    if pointer is not None:
        assert response.json()["errors"][0]["name"] == pointer


def test_saved_screens_crud_locking_privacy_and_runs(writable_app):
    app, client, admin = writable_app
    app.services.auth.ensure_user("bob", "bob-password", "viewer")
    bob = login(client, "bob", "bob-password")
    cond = {"kind": "breakout", "days": 20}
    created = client.post(URL, headers=admin, json={"name": "新高", "condition": cond})
    assert created.status_code == 201, created.text
    screen = created.json()
    item = f"{URL}/{screen['id']}"
    assert created.headers["etag"] == '"1"' and created.headers["location"] == item
    assert screen["description"] == "" and screen["condition"] == cond
    assert client.get(item, headers=admin).json() == screen
    assert client.get(item, headers=bob).status_code == 404
    assert client.get(URL, headers=bob).json() == {"items": [], "next_cursor": None}

    bad = {
        "name": "x",
        "condition": {
            "kind": "compare",
            "left": {"indicator": "MA", "params": [0]},
            "op": "gt",
            "right": 1,
        },
    }
    refused = client.post(URL, headers=admin, json=bad)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["name"] == "condition.left.params[0]"

    new = {"name": "20日新高", "description": "d", "condition": {**cond, "days": 10}}
    assert client.put(item, headers=admin, json=new).status_code == 428
    assert client.put(item, headers={**admin, "If-Match": '"9"'}, json=new).status_code == 412
    replaced = client.put(item, headers={**admin, "If-Match": '"1"'}, json=new)
    assert replaced.status_code == 200 and replaced.headers["etag"] == '"2"'
    assert replaced.json()["condition"]["days"] == 10

    by_id = _run(client, admin, {"screen_id": screen["id"], "as_of": "2017-07-26"})
    inline = _run(client, admin, {"condition": new["condition"], "as_of": "2017-07-26"})
    assert by_id == inline
    assert client.post(RUN, headers=bob, json={"screen_id": screen["id"]}).status_code == 404
    listed = client.get(URL, headers=admin).json()
    assert [s["id"] for s in listed["items"]] == [screen["id"]]

    assert client.delete(item, headers=admin).status_code == 428
    assert client.delete(item, headers={**admin, "If-Match": '"2"'}).status_code == 204
    assert client.get(item, headers=admin).status_code == 404


def test_watchlist_universe_is_yours_only(writable_app):
    app, client, admin = writable_app
    app.services.auth.ensure_user("eve", "eve-password", "viewer")
    eve = login(client, "eve", "eve-password")
    made = client.post(
        "/api/v1/watchlists",
        headers=admin,
        json={"name": "two", "items": [{"symbol": "600085.SH"}, {"symbol": "600036.SH"}]},
    ).json()
    cond = {"kind": "compare", "left": {"field": "close"}, "op": "gt", "right": 0}
    body = {"condition": cond, "universe": {"watchlist_id": made["id"]}}
    got = _run(client, admin, body)
    assert [m["symbol"] for m in got["items"]] == ["600036.SH", "600085.SH"]
    assert got["screened"] == 2
    assert client.post(RUN, headers=eve, json=body).status_code == 404


def test_builtin_list(client, viewer_headers):
    listed = client.get(f"{URL}/builtin", headers=viewer_headers)
    assert listed.status_code == 200
    ids = [b["id"] for b in listed.json()["items"]]
    assert ids == ["volume_surge", "bullish_ma_alignment", "breakout_20d", "ma250_pullback"]


def test_vectorised_read_is_few_queries(shared_app):
    """One range read for the universe (plus one for symbols short of bars), not one per symbol."""
    from sqlalchemy import event

    engine = shared_app.services.data.relational.engine
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        from mystocks.screening.engine import parse

        service = shared_app.services.screens
        node = parse({"kind": "breakout", "days": 20})
        universe = service.data.relational.screen_universe()
        import datetime as dt

        panel, _ = service.screen(node, universe, dt.date(2017, 7, 26))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert panel.size >= 3 and np.isfinite(panel.fields["close"][:, -1]).all()
    assert len([s for s in seen if "daily_bars" in s]) <= 2


def test_screens_on_postgres_equal_those_on_sqlite(
    postgres_sample_database: Any, tmp_path: Any, client: Any, viewer_headers: dict[str, str]
) -> None:
    """The same runs on PostgreSQL (saved screens, built-ins, a suspended symbol's long read)."""
    from starlette.testclient import TestClient

    from mystocks.app import create_app
    from tests.conftest import make_settings

    url = postgres_sample_database("screens")
    app = create_app(make_settings(tmp_path, database_url=url, timeseries_url=url))
    try:
        with TestClient(app) as pg:
            headers = login(pg, "admin", "mystocks-admin")
            for builtin in ("breakout_20d", "bullish_ma_alignment", "ma250_pullback"):
                for day in ("2017-07-26", "2017-03-01", "2016-09-01"):
                    body = {"builtin": builtin, "as_of": day}
                    assert _run(pg, headers, body) == _run(client, viewer_headers, body)
            saved = pg.post(
                URL,
                headers=headers,
                json={"name": "n", "condition": {"kind": "breakout", "days": 3}},
            )
            assert saved.status_code == 201
            assert _run(pg, headers, {"screen_id": saved.json()["id"]})["as_of"] == "2017-07-26"
    finally:
        app.services.data.dispose()
