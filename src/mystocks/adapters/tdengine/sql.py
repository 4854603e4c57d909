"""SQL text for the TDengine 3.3 adapter: pure functions, no I/O.

Everything the adapter sends is built here from validated pieces only: symbols must match
`SYMBOL_PATTERN` before any name or literal is made from them, bounds and limits must be
integers, floats must be finite. Section numbers (§N) refer to the team's TDengine fact sheet
(`TDENGINE.md`, checked against a 3.3.7.5 server).

Conventions every statement follows:
- names are qualified with the database (`md.t_600036_sh`), so a connection never needs
  `USE` and can be opened before the database exists;
- names are lower case: unquoted names are folded to lower case by TDengine, while names that
  reach it by other routes keep their case, so mixing would make two tables (§8);
- every timestamp that comes back is `CAST(… AS BIGINT)`: epoch ms in the database's precision,
  the same int from both connectors (taospy would give naive local datetimes, taosws strings
  or aware datetimes, §4).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from numbers import Integral
from typing import Any, Literal

import numpy as np
import pandas as pd

# Statements are built as text (TDengine's connectors take no bind parameters for names): every
# part put into one is a name checked here (`canonical_symbol`, `subtable`, `database_name`), an
# `integer()`, a `number()` or a quoted `literal()` (why bandit's B608 is skipped, pyproject).
SYMBOL_PATTERN = re.compile(r"^[A-Za-z0-9]{1,12}\.[A-Za-z]{2}$")
DATABASE_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")  # §2: DB names ≤ 64 bytes

Kind = Literal["ticks", "bars"]
STABLES: dict[Kind, str] = {"ticks": "ticks", "bars": "bars_1m"}
PREFIXES: dict[Kind, str] = {"ticks": "t_", "bars": "b_"}
# Value columns after ts, in insert and select order. None is a keyword (§5, KW).
COLUMNS: dict[Kind, tuple[str, ...]] = {
    "ticks": ("price", "volume", "amount", "simulated"),
    "bars": ("open", "high", "low", "close", "volume", "amount", "simulated"),
}
INTEGER_COLUMNS = frozenset({"volume", "simulated"})

# §2: the default maxSQLLength is 1,048,576; stay at half of it. §8: multi-row SQL peaked
# around 5,000 rows per statement.
MAX_STATEMENT_BYTES = 512 * 1024
MAX_STATEMENT_ROWS = 5_000


def canonical_symbol(symbol: str) -> str:
    """`600036.sh` -> `600036.SH`; ValueError for anything not shaped like a symbol."""
    if not isinstance(symbol, str) or not SYMBOL_PATTERN.match(symbol):
        raise ValueError(f"not a symbol TDengine tables can be named after: {symbol!r}")
    return symbol.upper()


def subtable(kind: Kind, symbol: str) -> str:
    """`600036.SH` -> `t_600036_sh` (ticks) or `b_600036_sh` (bars): a dot is refused in
    every form of table name (§8), and the code itself lives on in the `symbol` tag."""
    return PREFIXES[kind] + canonical_symbol(symbol).replace(".", "_").lower()


def database_name(name: str) -> str:
    if not DATABASE_PATTERN.match(name):
        raise ValueError(f"not a TDengine database name: {name!r}")
    return name.lower()


def literal(text: str) -> str:
    """A single-quoted string literal. Inside quotes TDengine's tokenizer skips the character
    after a backslash and ends the string at an unescaped quote, so escape both."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def integer(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ValueError(f"expected an integer, got {value!r}")
    return str(int(value))


def number(value: float) -> str:
    """`repr` is the shortest text that reads back as the same double; the tokenizer accepts
    its exponent forms (`1e+16`, `5e-05`). NaN and infinities have no SQL literal."""
    if not math.isfinite(value):
        raise ValueError(f"non-finite value {value!r} cannot be stored")
    return repr(float(value))


def create_statements(db: str) -> list[str]:
    # KEEP 36500: rows older than now-KEEP are refused, one such row fails the whole
    # statement, and the sample data starts in 2000 (§1, §8). CACHEMODEL 'both' serves
    # LAST_ROW from the cache (§1); it is only set at creation, since toggling it on a live
    # database can give wrong results.
    return [
        f"CREATE DATABASE IF NOT EXISTS {db} PRECISION 'ms' KEEP 36500 DURATION 10d "
        "CACHEMODEL 'both' CACHESIZE 16",
        f"CREATE STABLE IF NOT EXISTS {db}.ticks (ts TIMESTAMP, price DOUBLE, volume BIGINT, "
        "amount DOUBLE, simulated TINYINT) TAGS (symbol VARCHAR(16), exchange VARCHAR(8))",
        f"CREATE STABLE IF NOT EXISTS {db}.bars_1m (ts TIMESTAMP, open DOUBLE, high DOUBLE, "
        "low DOUBLE, close DOUBLE, volume BIGINT, amount DOUBLE, simulated TINYINT) "
        "TAGS (symbol VARCHAR(16), exchange VARCHAR(8))",
    ]


def value_tuple(ts: int, values: Sequence[float | int], kind: Kind) -> str:
    """`(1700000000000,10.5,300,3150.0,0)`: integer epoch ms first (§4: integers are read in
    the database precision, strings are not)."""
    parts = [integer(ts)]
    for column, value in zip(COLUMNS[kind], values, strict=True):
        parts.append(integer(value) if column in INTEGER_COLUMNS else number(float(value)))
    return "(" + ",".join(parts) + ")"


def value_groups(batch: pd.DataFrame, kind: Kind) -> list[tuple[str, list[str]]]:
    """Validated value tuples per symbol, in first-seen symbol order. Later rows win over
    earlier ones with the same (symbol, ts) (TDengine would keep the last one of a statement
    anyway, §8; dropping them here says so and spares the bytes)."""
    codes = {s: canonical_symbol(s) for s in pd.unique(batch["symbol"])}
    batch = batch.assign(symbol=batch["symbol"].map(codes))
    batch = batch.drop_duplicates(["symbol", "ts"], keep="last")
    if not pd.api.types.is_integer_dtype(batch["ts"]):
        raise ValueError("ts must be integer epoch milliseconds")
    columns: list[list[Any]] = []
    for name in COLUMNS[kind]:
        col = batch[name]
        if name in INTEGER_COLUMNS:
            if not (pd.api.types.is_integer_dtype(col) or pd.api.types.is_bool_dtype(col)):
                raise ValueError(f"{name} must be integers")
            columns.append(col.astype(np.int64).tolist())
        else:
            values = col.to_numpy(dtype=np.float64)
            if not np.isfinite(values).all():
                raise ValueError(f"{name} has NaN or infinite values")
            columns.append(values.tolist())
    groups: dict[str, list[str]] = {}
    symbols = batch["symbol"].tolist()
    for i, ts in enumerate(batch["ts"].tolist()):
        values = [col[i] for col in columns]
        groups.setdefault(symbols[i], []).append(value_tuple(ts, values, kind))
    return list(groups.items())


def insert_statements(
    db: str,
    kind: Kind,
    groups: Iterable[tuple[str, Sequence[str]]],
    *,
    max_rows: int = MAX_STATEMENT_ROWS,
    max_bytes: int = MAX_STATEMENT_BYTES,
) -> list[str]:
    """Multi-table, multi-row INSERTs (§2) from (symbol, value tuples) groups.

    `INSERT INTO md.t_a USING md.ticks TAGS ('A.SH','SH') VALUES (…)(…) md.t_b USING …`:
    the USING clause creates a missing subtable with its tags. Statements are cut at
    `max_rows` rows or `max_bytes` bytes (the text is ASCII, so characters are bytes); a
    symbol cut in two simply appears again in the next statement.
    """
    statements: list[str] = []
    parts: list[str] = []
    start = "INSERT INTO"
    size, rows = len(start), 0
    for symbol, values in groups:
        code = canonical_symbol(symbol)
        head = (
            f" {db}.{subtable(kind, code)} USING {db}.{STABLES[kind]} "
            f"TAGS ({literal(code)}, {literal(code[-2:])}) VALUES "
        )
        if len(start) + len(head) + max((len(v) for v in values), default=0) > max_bytes:
            raise ValueError(f"max_bytes={max_bytes} cannot hold one row of {code}")
        open_table = False
        for value in values:
            cost = len(value) + (0 if open_table else len(head))
            if rows and (rows >= max_rows or size + cost > max_bytes):
                statements.append(start + "".join(parts))
                parts, size, rows, open_table = [], len(start), 0, False
                cost = len(value) + len(head)
            if not open_table:
                parts.append(head)
                open_table = True
            parts.append(value)
            size += cost
            rows += 1
    if rows:
        statements.append(start + "".join(parts))
    return statements


def time_filter(start: int | None, end: int | None, after: int | None = None) -> str:
    """` WHERE ts >= start AND ts < end AND ts > after` (half-open range), or ''."""
    terms = []
    if start is not None:
        terms.append(f"ts >= {integer(start)}")
    if end is not None:
        terms.append(f"ts < {integer(end)}")
    if after is not None:
        terms.append(f"ts > {integer(after)}")
    return " WHERE " + " AND ".join(terms) if terms else ""


def select_ticks(
    db: str, symbol: str, start: int | None, end: int | None, after: int | None, limit: int
) -> str:
    # One subtable, filtered by time and paged by `ts > after`: never ORDER BY + OFFSET over
    # the supertable, which is slow (§4, §7).
    return (
        "SELECT CAST(ts AS BIGINT), price, volume, amount, simulated "
        f"FROM {db}.{subtable('ticks', symbol)}{time_filter(start, end, after)} "
        f"ORDER BY ts LIMIT {integer(limit)}"
    )


def select_bars(db: str, symbol: str, start: int | None, end: int | None) -> str:
    return (
        "SELECT CAST(ts AS BIGINT), open, high, low, close, volume, amount, simulated "
        f"FROM {db}.{subtable('bars', symbol)}{time_filter(start, end)} ORDER BY ts"
    )


def select_windows(db: str, symbol: str, minutes: int, start: int | None, end: int | None) -> str:
    """`minutes`-minute windows of one symbol's 1-minute bars.

    Windows start at Unix 0 plus the offset (§4, TSX). Bars are stamped at the END of their
    minute, so the window for 09:31 … 09:35 is [09:31, 09:36): offset 1m, and the bucket's
    stamp is `_wstart + minutes - 1m` (`window_stamp`). A whole-minute offset also puts a
    bar stamped 09:35:30 where `series.resample_intraday` does (it floors to the minute).
    No FILL: empty windows (the lunch break) give no row.
    """
    return (
        "SELECT CAST(_wstart AS BIGINT), FIRST(open), MAX(high), MIN(low), LAST(close), "
        f"SUM(volume), SUM(amount), MAX(simulated) FROM {db}.{subtable('bars', symbol)}"
        f"{time_filter(start, end)} INTERVAL({integer(minutes)}m, 1m)"
    )


def window_stamp(window_start_ms: int, minutes: int) -> int:
    return window_start_ms + (minutes - 1) * 60_000


def _in_symbols(symbols: Iterable[str]) -> str:
    return "symbol IN (" + ", ".join(literal(canonical_symbol(s)) for s in symbols) + ")"


def select_latest(db: str, symbols: Sequence[str]) -> str:
    # LAST_ROW, not LAST: LAST takes each column's newest non-NULL value and may mix rows
    # (§4, §7). PARTITION BY tbname gives one row per subtable; the tag must be named in
    # the select list or the rows do not say whose they are (§8).
    return (
        "SELECT symbol, CAST(LAST_ROW(ts) AS BIGINT), LAST_ROW(price), LAST_ROW(volume), "
        f"LAST_ROW(amount), LAST_ROW(simulated) FROM {db}.ticks "
        f"WHERE {_in_symbols(symbols)} PARTITION BY tbname"
    )


def select_summaries(db: str, symbols: Sequence[str], start: int, end: int) -> str:
    # One row per subtable, named by tbname (`select tbname, count(*) … partition by tbname`
    # is the documented form; a tag beside aggregates is not confirmed for 3.3). FIRST is the
    # earliest non-NULL price; prices are never NULL, so it is the open.
    return (
        "SELECT tbname, FIRST(price), MAX(price), MIN(price), SUM(volume), SUM(amount), "
        f"COUNT(*) FROM {db}.ticks WHERE {_in_symbols(symbols)} "
        f"AND ts >= {integer(start)} AND ts < {integer(end)} PARTITION BY tbname"
    )


def select_count(db: str, kind: Kind) -> str:
    return f"SELECT COUNT(*) FROM {db}.{STABLES[kind]}"
