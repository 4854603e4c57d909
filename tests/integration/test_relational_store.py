"""The relational store on SQLite and PostgreSQL: migrations, search, bars, users."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from mystocks.adapters.sql import migrate
from mystocks.adapters.sql.relational import RelationalStore, make_engine
from mystocks.adapters.sql.tables import Base


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path) -> Iterator[RelationalStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'r.db'}"
    else:
        url = request.getfixturevalue("postgres_database")("rel")
    relational = RelationalStore(make_engine(url))
    relational.create_schema()
    yield relational
    relational.engine.dispose()


def instrument(symbol: str, name: str, pinyin: str, **extra) -> dict:
    return {
        "symbol": symbol,
        "code": symbol[:6],
        "name": name,
        "pinyin": pinyin,
        "exchange": "SSE",
        "market": "CN",
        "type": "stock",
        "industry": "银行",
        "currency": "CNY",
        "timezone": "Asia/Shanghai",
        "board": "main",
        "lot_size": 100,
        "tick_size": 0.01,
        "price_limit_pct": 0.1,
        **extra,
    }


def test_migrations_build_exactly_the_models(store):
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    assert migrate.current(store.engine) == migrate.head(store.engine)
    store.create_schema()  # running it again changes nothing
    assert migrate.current(store.engine) == migrate.head(store.engine)


def test_search_by_code_name_and_pinyin_with_paging(store):
    store.upsert_instruments(
        [
            instrument("600036.SH", "招商银行", "zsyh"),
            instrument("600000.SH", "浦发银行", "pfyh"),
            instrument("001979.SZ", "招商蛇口", "zssk", exchange="SZSE", industry=None),
        ]
    )
    search = store.search_instruments
    assert [
        r["symbol"]
        for r in search(q="招商", type=None, exchange=None, industry=None, after=None, limit=10)
    ] == ["001979.SZ", "600036.SH"]
    assert [
        r["symbol"]
        for r in search(
            q="ZSYH".lower(), type=None, exchange=None, industry=None, after=None, limit=10
        )
    ] == ["600036.SH"]
    assert [
        r["symbol"]
        for r in search(
            q="6000", type=None, exchange=None, industry=None, after="600000.SH", limit=10
        )
    ] == ["600036.SH"]
    assert search(q="%", type=None, exchange=None, industry=None, after=None, limit=10) == []
    assert [
        r["symbol"]
        for r in search(q=None, type=None, exchange="SZSE", industry=None, after=None, limit=10)
    ] == ["001979.SZ"]


def test_daily_bars_upsert_and_recent_bars_per_symbol(store):
    def bar(symbol: str, day: int, close: float) -> dict:
        return {
            "symbol": symbol,
            "date": dt.date(2017, 7, day),
            "open": close,
            "high": close,
            "low": close,
            "close": close,
            "volume": 100,
            "amount": close * 100,
        }

    store.upsert_daily_bars([bar("A.SH", d, 10.0 + d) for d in (24, 25, 26)] + [bar("B.SH", 26, 5)])
    store.upsert_daily_bars([bar("A.SH", 26, 99.0)])  # replaces
    recent = store.recent_daily_bars(["A.SH", "B.SH", "C.SH"], 2)
    assert [(b[0].day, b[4]) for b in recent["A.SH"]] == [(26, 99.0), (25, 35.0)]
    assert len(recent["B.SH"]) == 1 and "C.SH" not in recent
    window = store.daily_bars("A.SH", start=dt.date(2017, 7, 25), end=dt.date(2017, 7, 26))
    assert [b[0].day for b in window] == [25, 26]


def test_users_keep_utc_times(store):
    store.create_user("alice", "scrypt$x", "trader")
    user = store.get_user("alice")
    assert user is not None and user.role == "trader"
    assert user.created_at.tzinfo is not None
    assert store.get_user("bob") is None
