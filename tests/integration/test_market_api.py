"""The market API over HTTP (ASGI) on the embedded stores with the real sample data."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

BARS = "/api/v1/market/bars"
INDICATORS = "/api/v1/market/indicators/600036.SH"


def get(client: TestClient, headers: dict[str, str], url: str, **params: Any) -> Any:
    response = client.get(url, headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert "Traceback" not in body["detail"]
    return body


@pytest.mark.parametrize("query", ["招商", "zsyh", "ZSYH", "600036"])
def test_list_symbols_finds_cmb_by_name_pinyin_or_code(client, viewer_headers, query):
    page = get(client, viewer_headers, "/api/v1/market/symbols", q=query, limit=500)
    symbols = {item["symbol"]: item for item in page["items"]}
    assert symbols["600036.SH"]["name"] == "招商银行"


def test_list_symbols_pages_through_every_match_once(client, viewer_headers):
    seen, cursor = [], None
    while True:
        params = {"q": "6000", "limit": 7, **({"cursor": cursor} if cursor else {})}
        page = get(client, viewer_headers, "/api/v1/market/symbols", **params)
        seen.extend(item["symbol"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    everything = get(client, viewer_headers, "/api/v1/market/symbols", q="6000", limit=500)
    assert seen == [item["symbol"] for item in everything["items"]]
    assert len(seen) > 7 and len(seen) == len(set(seen))


def test_list_symbols_filters(client, viewer_headers):
    page = get(client, viewer_headers, "/api/v1/market/symbols", type="index")
    assert [i["symbol"] for i in page["items"]] == ["000001.SH"]
    banks = get(client, viewer_headers, "/api/v1/market/symbols", industry="银行", limit=500)
    assert "600036.SH" in {i["symbol"] for i in banks["items"]}
    assert all(i["industry"] == "银行" for i in banks["items"])


def test_get_symbol_knows_the_index_is_not_the_bank(client, viewer_headers):
    index = get(client, viewer_headers, "/api/v1/market/symbols/000001.SH")
    assert index["type"] == "index" and index["price_limit_pct"] is None
    assert get(client, viewer_headers, "/api/v1/market/symbols/000001.sz")["type"] == "stock"


def test_list_bars_one_year_of_daily_bars(client, viewer_headers):
    for symbol, offset in (("600036.SH", "+08:00"), ("AAPL.US", "-05:00")):
        year = "2016" if symbol.endswith(".SH") else "2012"
        page = get(
            client, viewer_headers, f"{BARS}/{symbol}", start=f"{year}-01-01", end=f"{year}-12-31"
        )
        assert 240 <= len(page["items"]) <= 253
        first = page["items"][0]
        assert first["ts"].startswith(f"{year}-01-0") and first["ts"].endswith(offset)
        assert first["low"] <= min(first["open"], first["close"])
        assert page["next_cursor"] is None


def test_list_bars_cursor_pages_equal_one_page(client, viewer_headers):
    whole = get(client, viewer_headers, f"{BARS}/600036.SH", start="2017-01-01")["items"]
    paged, cursor = [], None
    while True:
        page = get(
            client,
            viewer_headers,
            f"{BARS}/600036.SH",
            start="2017-01-01",
            limit=40,
            **({"cursor": cursor} if cursor else {}),
        )
        paged += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert paged == whole


def test_list_bars_fields_keeps_only_what_was_asked(client, viewer_headers):
    page = get(
        client, viewer_headers, f"{BARS}/600036.SH", start="2017-07-01", fields="close,volume"
    )
    assert set(page["items"][0]) == {"ts", "close", "volume"}


def test_intraday_bars_add_up_to_the_daily_bar(client, viewer_headers):
    day = get(client, viewer_headers, f"{BARS}/600036.SH", start="2017-07-26")["items"][-1]
    date = day["ts"][:10]
    for period, count, first_end in (
        ("1m", 240, "09:31"),
        ("5m", 48, "09:35"),
        ("30m", 8, "10:00"),
        ("60m", 4, "10:30"),
    ):
        bars = get(client, viewer_headers, f"{BARS}/600036.SH", period=period, start=date, end=date)
        assert bars["source"] == "simulated"
        items = bars["items"]
        assert len(items) == count, period
        assert items[0]["ts"] == f"{date}T{first_end}:00+08:00"
        assert items[-1]["ts"] == f"{date}T15:00:00+08:00"
        assert items[0]["open"] == day["open"] and items[-1]["close"] == day["close"]
        assert max(b["high"] for b in items) == day["high"]
        assert min(b["low"] for b in items) == day["low"]
        assert sum(b["volume"] for b in items) == day["volume"]
    sixty = get(client, viewer_headers, f"{BARS}/600036.SH", period="60m", start=date, end=date)
    assert [b["ts"][11:16] for b in sixty["items"]] == ["10:30", "11:30", "14:00", "15:00"]


def test_weekly_bars_aggregate_the_week(client, viewer_headers):
    daily = get(client, viewer_headers, f"{BARS}/600036.SH", start="2017-07-10", end="2017-07-14")[
        "items"
    ]
    week = get(
        client,
        viewer_headers,
        f"{BARS}/600036.SH",
        period="1w",
        start="2017-07-10",
        end="2017-07-14",
    )["items"]
    assert len(week) == 1 and week[0]["ts"] == daily[-1]["ts"]
    assert week[0]["open"] == daily[0]["open"] and week[0]["close"] == daily[-1]["close"]
    assert week[0]["volume"] == sum(d["volume"] for d in daily)


def test_list_ticks_pages_in_time_order(client, viewer_headers):
    first = get(client, viewer_headers, "/api/v1/market/ticks/600036.SH", limit=5)
    second = get(
        client,
        viewer_headers,
        "/api/v1/market/ticks/600036.SH",
        limit=5,
        cursor=first["next_cursor"],
    )
    stamps = [t["ts"] for t in first["items"] + second["items"]]
    assert stamps == sorted(stamps) and len(set(stamps)) == 10


def test_list_ticks_time_range_is_half_open(client, viewer_headers):
    page = get(
        client,
        viewer_headers,
        "/api/v1/market/ticks/600036.SH",
        start="2017-07-26T09:30:00+08:00",
        end="2017-07-26T09:31:00+08:00",
    )
    assert page["items"] and all(
        "2017-07-26T09:30:00" <= t["ts"][:19] < "2017-07-26T09:31:00" for t in page["items"]
    )


def test_get_quote_matches_the_last_daily_bar(client, viewer_headers):
    quote = get(client, viewer_headers, "/api/v1/market/quotes/600036.SH")
    bars = get(client, viewer_headers, f"{BARS}/600036.SH", start="2017-07-20")["items"]
    assert quote["last"] == bars[-1]["close"] and quote["prev_close"] == bars[-2]["close"]
    assert quote["change"] == pytest.approx(bars[-1]["close"] - bars[-2]["close"])
    assert quote["limit_up"] == round(bars[-2]["close"] * 1.1 + 1e-9, 2)
    quotes = get(client, viewer_headers, "/api/v1/market/quotes", symbols="AAPL.US,600036.SH")
    assert [q["symbol"] for q in quotes["items"]] == ["AAPL.US", "600036.SH"]
    assert quotes["items"][0]["limit_up"] is None


def test_get_indicators_align_with_bars(client, viewer_headers):
    bars = get(client, viewer_headers, f"{BARS}/600036.SH", start="2017-06-01")["items"]
    macd = get(
        client,
        viewer_headers,
        "/api/v1/market/indicators/600036.SH",
        indicator="MACD",
        start="2017-06-01",
    )
    assert [p["ts"] for p in macd["items"]] == [b["ts"] for b in bars]
    assert macd["series"] == ["DIF", "DEA", "MACD"] and macd["params"] == [12, 26, 9]
    for point in macd["items"]:
        v = point["values"]
        assert v["MACD"] == pytest.approx(
            2 * (v["DIF"] - v["DEA"]), abs=3e-6
        )  # each value is rounded to 6 places
    ma = get(
        client,
        viewer_headers,
        "/api/v1/market/indicators/600036.SH",
        indicator="MA",
        params="5",
        start="2017-06-01",
    )
    closes = [
        b["close"]
        for b in get(client, viewer_headers, f"{BARS}/600036.SH", start="2017-05-20")["items"]
    ]
    # Warmed up over history before `start`: the first value is the mean of the 5 closes before.
    first_index = len(closes) - len(bars)
    assert ma["items"][0]["values"]["MA5"] == pytest.approx(
        sum(closes[first_index - 4 : first_index + 1]) / 5, abs=1e-6
    )


def test_get_calendar_skips_national_day(client, viewer_headers):
    cal = get(
        client, viewer_headers, "/api/v1/market/calendar", start="2017-09-28", end="2017-10-10"
    )
    assert cal["days"] == ["2017-09-28", "2017-09-29", "2017-10-09", "2017-10-10"]
    assert get(
        client,
        viewer_headers,
        "/api/v1/market/calendar",
        exchange="XNYS",
        start="2013-07-03",
        end="2013-07-05",
    )["days"] == ["2013-07-03", "2013-07-05"]


# -- errors -----------------------------------------------------------------------------------


def test_unknown_symbol_is_404(client, viewer_headers):
    body = problem(client.get(f"{BARS}/999999.SH", headers=viewer_headers), 404)
    assert "999999.SH" in body["detail"] and body["instance"] == f"{BARS}/999999.SH"


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"period": "2h"}, "period"),
        ({"start": "notadate"}, "start"),
        ({"end": "2017-02-30"}, "end"),
        ({"limit": "0"}, "limit"),
        ({"limit": "abc"}, "limit"),
        ({"fields": "close,bogus"}, "fields"),
        ({"perod": "1m"}, "perod"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client, viewer_headers, params, name):
    body = problem(client.get(f"{BARS}/600036.SH", headers=viewer_headers, params=params), 400)
    assert name in body["detail"]
    assert [e["name"] for e in body["errors"]] == [name]


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"cursor": "bm90LW91cnM"}, "cursor"),
        ({"cursor": "dGlja3M6MTIz"}, "cursor"),  # a tick cursor replayed on bars
        ({"start": "2017-02-01", "end": "2017-01-01"}, "end"),
    ],
)
def test_valid_but_unusable_parameters_are_422(client, viewer_headers, params, name):
    body = problem(client.get(f"{BARS}/600036.SH", headers=viewer_headers, params=params), 422)
    assert [e["name"] for e in body["errors"]] == [name]


def test_search_says_which_instruments_have_bars_and_since_when(client, viewer_headers):
    symbols = "/api/v1/market/symbols"
    page = get(client, viewer_headers, symbols, q="6000", limit=500)
    by_symbol = {item["symbol"]: item for item in page["items"]}
    bank, pufa = by_symbol["600036.SH"], by_symbol["600000.SH"]  # in the sample's bars, and not
    first = get(client, viewer_headers, f"{BARS}/600036.SH", limit=1)["items"][0]["ts"][:10]
    last = get(client, viewer_headers, f"{BARS}/600036.SH", start=bank["bars_to"])
    assert bank["bars_from"] == first and len(last["items"]) == 1
    assert last["items"][0]["ts"][:10] == bank["bars_to"] and last["note"] is None
    assert (pufa["bars_from"], pufa["bars_to"]) == (None, None)
    assert get(client, viewer_headers, f"{symbols}/600036.SH")["bars_from"] == first
    with_bars = get(client, viewer_headers, symbols, q="6000", has_bars="true", limit=500)
    without = get(client, viewer_headers, symbols, q="6000", has_bars="false", limit=500)
    assert "600036.SH" in {i["symbol"] for i in with_bars["items"]}
    assert all(i["bars_from"] for i in with_bars["items"])
    assert "600036.SH" not in {i["symbol"] for i in without["items"]}
    assert all(i["bars_from"] is None for i in without["items"])
    assert len(with_bars["items"]) + len(without["items"]) == len(page["items"])


def test_an_empty_page_of_bars_says_why(client, viewer_headers):
    none_stored = get(client, viewer_headers, f"{BARS}/600000.SH")
    assert none_stored["items"] == []
    assert "mystocks sync --symbols 600000.SH" in none_stored["note"]
    out_of_range = get(client, viewer_headers, f"{BARS}/600036.SH", start="2020-01-01")
    assert out_of_range["items"] == [] and "daily bars run from 2011-" in out_of_range["note"]
    intraday = get(client, viewer_headers, f"{BARS}/600000.SH", period="1m")
    assert intraday["items"] == [] and "--periods 1m" in intraday["note"]


@pytest.mark.parametrize("adjust", ["none", "hfq"])
def test_the_forward_adjusted_sample_refuses_other_adjustments(client, viewer_headers, adjust):
    for url, extra in ((f"{BARS}/600036.SH", {}), (INDICATORS, {"indicator": "MA"})):
        response = client.get(url, headers=viewer_headers, params={"adjust": adjust, **extra})
        body = problem(response, 422)
        assert [e["name"] for e in body["errors"]] == ["adjust"]
        assert "forward-adjusted (qfq) only" in body["detail"]
    page = get(client, viewer_headers, f"{BARS}/600036.SH", adjust="qfq", limit=1)
    assert (page["adjust"], page["adjusted_to"]) == ("qfq", None)
    index = get(client, viewer_headers, "/api/v1/market/symbols/000001.SH")
    assert index["adjust_modes"] == ["none"] and index["listed"] is None
    assert get(client, viewer_headers, f"{BARS}/000001.SH", limit=1)["adjust"] == "none"
    bank = get(client, viewer_headers, "/api/v1/market/symbols/600036.SH")
    assert bank["adjust_modes"] == ["qfq"]


def test_several_bad_parameters_are_all_listed(client, viewer_headers):
    body = problem(
        client.get(
            f"{BARS}/600036.SH", headers=viewer_headers, params={"period": "2h", "start": "x"}
        ),
        400,
    )
    assert {e["name"] for e in body["errors"]} == {"period", "start"}


def test_bad_indicator_parameters_are_422(client, viewer_headers):
    body = problem(
        client.get(
            "/api/v1/market/indicators/600036.SH",
            headers=viewer_headers,
            params={"indicator": "MACD", "params": "26,12,9"},
        ),
        422,
    )
    assert body["errors"][0]["name"] == "params"


def test_missing_and_bad_tokens_are_401(client):
    body = problem(client.get(f"{BARS}/600036.SH"), 401)
    assert "bearer" in body["detail"].lower()
    response = client.get(f"{BARS}/600036.SH", headers={"Authorization": "Bearer nope"})
    problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_wrong_password_is_401(client):
    problem(client.post("/api/v1/auth/token", data={"username": "admin", "password": "x"}), 401)
    problem(client.post("/api/v1/auth/token", data={"username": "ghost", "password": "x"}), 401)


def test_unknown_path_and_method_are_problems(client, viewer_headers):
    problem(client.get("/api/v1/nothing-here", headers=viewer_headers), 404)
    problem(client.delete(f"{BARS}/600036.SH", headers=viewer_headers), 405)


def test_users_me_reports_the_role(client, viewer_headers, admin_headers):
    assert get(client, viewer_headers, "/api/v1/users/me")["role"] == "viewer"
    assert get(client, admin_headers, "/api/v1/users/me")["username"] == "admin"


def test_system_endpoints(client):
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready").json()
    assert ready["status"] == "ready" and {c["name"] for c in ready["checks"]} == {
        "relational",
        "timeseries",
    }
    assert client.get("/api/v1/version").json()["api_version"] == "0.1.0"
    spec = client.get("/openapi.json").json()
    assert spec["openapi"] == "3.0.3" and "/api/v1/market/bars/{symbol}" in spec["paths"]
    assert client.get("/docs/").status_code == 200


def test_an_unexpected_error_is_a_plain_500_problem(writable_app, monkeypatch, caplog):
    app, client, admin = writable_app

    def broken(**_kwargs: Any) -> None:
        raise RuntimeError("database exploded at /secret/path")

    monkeypatch.setattr(app.services.market, "get_symbol", broken)
    body = problem(client.get("/api/v1/market/symbols/600036.SH", headers=admin), 500)
    assert "secret" not in str(body) and "RuntimeError" not in str(body)
    assert "database exploded" in caplog.text  # the log has what the answer does not
