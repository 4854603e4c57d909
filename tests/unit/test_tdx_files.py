"""The 通达信 files provider on files written byte for byte in the documented layout (with
`struct`, not with the module under test), read back to hand-known values, and written back
to the same bytes."""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path

import pandas as pd
import pytest

from mystocks.adapters.providers import DAILY_COLUMNS, MINUTE_COLUMNS, NotSupported, ProviderError
from mystocks.adapters.providers.tdx import (
    DAY,
    MINUTE,
    TdxFiles,
    daily_frame,
    day_records,
    file_name,
    minute_records,
    read_records,
    write_records,
)

DAY_LAYOUT = struct.Struct("<IIIIIfII")
MINUTE_LAYOUT = struct.Struct("<HHfffffII")

# Two days of 600000.SH: (YYYYMMDD, open, high, low, close in cents, amount, volume, reserved).
DAYS = [
    (20240304, 1050, 1080, 1040, 1075, 12_345_678.0, 1_150_000, 0),
    (20240305, 1075, 1075, 1001, 1012, 9_876_543.0, 980_300, 65536),
]
# 2024-03-04 as a minute record's date: (2024 - 2004) x 2048 + 3 x 100 + 4.
MARCH_4 = 20 * 2048 + 304
MINUTES = [
    (MARCH_4, 9 * 60 + 31, 10.50, 10.52, 10.49, 10.51, 1_051_000.0, 100_000, 0),
    (MARCH_4, 9 * 60 + 32, 10.51, 10.53, 10.50, 10.53, 526_500.0, 50_000, 0),
    (MARCH_4, 15 * 60, 10.74, 10.75, 10.74, 10.75, 107_500.0, 10_000, 0),
]


def vipdoc(tmp_path: Path) -> Path:
    root = tmp_path / "vipdoc"
    (root / "sh" / "lday").mkdir(parents=True)
    (root / "sh" / "lday" / "sh600000.day").write_bytes(b"".join(DAY_LAYOUT.pack(*r) for r in DAYS))
    (root / "sh" / "minline").mkdir(parents=True)
    (root / "sh" / "minline" / "sh600000.lc1").write_bytes(
        b"".join(MINUTE_LAYOUT.pack(*r) for r in MINUTES)
    )
    (root / "sh" / "fzline").mkdir(parents=True)
    (root / "sh" / "fzline" / "sh600000.lc5").write_bytes(MINUTE_LAYOUT.pack(*MINUTES[0]))
    (root / "sz" / "lday").mkdir(parents=True)
    (root / "sz" / "lday" / "sz000001.day").write_bytes(DAY_LAYOUT.pack(*DAYS[0]))
    (root / "bj" / "lday").mkdir(parents=True)
    (root / "bj" / "lday" / "bj830799.day").write_bytes(b"")
    (root / "sh" / "lday" / "shindex.day").write_bytes(b"")  # not a code: not listed
    return root


def test_daily_bars_read_as_written(tmp_path: Path) -> None:
    bars = TdxFiles(vipdoc(tmp_path)).daily_bars("600000.SH")
    assert list(bars.columns) == list(DAILY_COLUMNS)
    assert bars.to_dict("records") == [
        {
            "date": dt.date(2024, 3, 4),
            "open": 10.50,
            "high": 10.80,
            "low": 10.40,
            "close": 10.75,
            "volume": 1_150_000,
            "amount": 12_345_678.0,
        },
        {
            "date": dt.date(2024, 3, 5),
            "open": 10.75,
            "high": 10.75,
            "low": 10.01,
            "close": 10.12,
            "volume": 980_300,
            "amount": 9_876_543.0,
        },
    ]


def test_minute_bars_are_stamped_at_their_end_in_utc(tmp_path: Path) -> None:
    files = TdxFiles(vipdoc(tmp_path))
    bars = files.minute_bars("600000.SH", 1)
    assert list(bars.columns) == list(MINUTE_COLUMNS)
    first = dt.datetime(2024, 3, 4, 1, 31, tzinfo=dt.UTC)  # 09:31 in Shanghai
    last = dt.datetime(2024, 3, 4, 7, 0, tzinfo=dt.UTC)  # 15:00
    assert bars["ts"].tolist() == [
        int(first.timestamp() * 1000),
        int(first.timestamp() * 1000) + 60_000,
        int(last.timestamp() * 1000),
    ]
    # float32 holds 10.51 as 10.5100002: read to 3 decimals, the price as it traded.
    assert bars[["open", "high", "low", "close"]].iloc[0].tolist() == [10.50, 10.52, 10.49, 10.51]
    assert bars["volume"].tolist() == [100_000, 50_000, 10_000]
    assert bars["amount"].iloc[0] == 1_051_000.0
    five = files.minute_bars("600000.SH", 5)
    assert five["ts"].tolist() == bars["ts"].tolist()[:1]


def test_a_file_goes_back_to_the_same_bytes(tmp_path: Path) -> None:
    root = vipdoc(tmp_path)
    for path, record in (
        (root / "sh" / "lday" / "sh600000.day", DAY),
        (root / "sh" / "minline" / "sh600000.lc1", MINUTE),
    ):
        copy = tmp_path / "copy" / path.name
        write_records(copy, read_records(path, record))
        assert copy.read_bytes() == path.read_bytes()  # the reserved word (65536) too


def test_frames_written_as_records_give_the_documented_bytes(tmp_path: Path) -> None:
    """What a fixture writes from bars is what 通达信 would hold (the reserved word 0)."""
    files = TdxFiles(vipdoc(tmp_path))
    day = day_records(files.daily_bars("600000.SH"))
    assert day.tobytes() == b"".join(DAY_LAYOUT.pack(*r[:7], 0) for r in DAYS)
    minute = minute_records(files.minute_bars("600000.SH", 1))
    assert minute.tobytes() == b"".join(MINUTE_LAYOUT.pack(*r) for r in MINUTES)


def test_dates_limit_what_is_read(tmp_path: Path) -> None:
    files = TdxFiles(vipdoc(tmp_path))
    march_5 = dt.date(2024, 3, 5)
    assert files.daily_bars("600000.SH", start=march_5)["date"].tolist() == [march_5]
    assert files.daily_bars("600000.SH", end=dt.date(2024, 3, 4))["close"].tolist() == [10.75]
    assert files.minute_bars("600000.SH", 1, start=march_5).empty
    assert len(files.minute_bars("600000.SH", 1, end=dt.date(2024, 3, 4))) == 3


def test_instruments_are_the_daily_files(tmp_path: Path) -> None:
    listed = TdxFiles(vipdoc(tmp_path)).instruments()
    assert listed["symbol"].tolist() == ["600000.SH", "000001.SZ", "830799.BJ"]
    assert listed["exchange"].tolist() == ["SH", "SZ", "BJ"]
    assert listed["name"].isna().all()


def test_a_symbol_without_a_file_has_no_bars(tmp_path: Path) -> None:
    files = TdxFiles(vipdoc(tmp_path))
    assert files.daily_bars("601398.SH").empty
    assert list(files.minute_bars("601398.SH", 5).columns) == list(MINUTE_COLUMNS)
    assert files.daily_bars("830799.BJ").empty  # an empty file


def test_a_cut_short_file_is_a_provider_error(tmp_path: Path) -> None:
    root = vipdoc(tmp_path)
    path = root / "sh" / "lday" / "sh600000.day"
    path.write_bytes(path.read_bytes()[:-5])
    with pytest.raises(ProviderError, match="59 bytes, not a whole number of 32-byte records"):
        TdxFiles(root).daily_bars("600000.SH")


def test_what_the_files_do_not_hold_is_not_supported(tmp_path: Path) -> None:
    files = TdxFiles(vipdoc(tmp_path))
    with pytest.raises(NotSupported, match="not 15-minute"):
        files.minute_bars("600000.SH", 15)
    for ask in (
        files.adjust_factors,
        files.corporate_actions,
        files.suspensions,
        files.st_history,
    ):
        with pytest.raises(NotSupported):
            ask("600000.SH")
    with pytest.raises(NotSupported):
        files.spot_quotes(["600000.SH"])


def test_names_and_folders() -> None:
    assert file_name("600000.sh") == ("sh", "sh600000")
    assert file_name("830799.BJ") == ("bj", "bj830799")
    for bad in ("600000", "60000.SH", "600000.HK", "ABCDEF.SZ"):
        with pytest.raises(ValueError, match="not an A-share symbol"):
            file_name(bad)
    with pytest.raises(ProviderError, match="not a folder"):
        TdxFiles(Path("/nonexistent/vipdoc"))


def test_bars_survive_a_round_trip_through_records() -> None:
    bars = pd.DataFrame(
        {
            "date": [dt.date(2015, 6, 12)],
            "open": [17.85],
            "high": [18.20],
            "low": [17.50],
            "close": [18.01],
            "volume": [123_456_700],
            "amount": [2.2e9],
        }
    )
    back = daily_frame(day_records(bars))
    assert back.drop(columns="amount").equals(bars.drop(columns="amount"))
    assert back["amount"].iloc[0] == pytest.approx(2.2e9, rel=1e-7)  # float32 in the file


def test_a_minute_record_with_an_impossible_date_is_refused(tmp_path: Path) -> None:
    root = vipdoc(tmp_path)
    february_30 = 20 * 2048 + 230
    (root / "sh" / "minline" / "sh600000.lc1").write_bytes(
        MINUTE_LAYOUT.pack(february_30, *MINUTES[0][1:])
    )
    with pytest.raises(ValueError, match="41190 is not a TDX minute record's date"):
        TdxFiles(root).minute_bars("600000.SH", 1)
