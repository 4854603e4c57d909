"""Dated price bands on each board's boundary dates (domain/boards.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from mystocks.domain.boards import NONE, Band, board_of, price_band

D = dt.date


@pytest.mark.parametrize(
    ("symbol", "board"),
    [
        ("600000.SH", "main"),
        ("605001.SH", "main"),
        ("000002.SZ", "main"),
        ("002594.SZ", "main"),
        ("300059.SZ", "chinext"),
        ("301001.SZ", "chinext"),
        ("688981.SH", "star"),
        ("689009.SH", "star"),
        ("830799.BJ", "bse"),
        ("430047.BJ", "bse"),
        ("920001.BJ", "bse"),
        ("000001.SH", "index"),
        ("399001.SZ", "index"),
    ],
)
def test_boards_by_code(symbol: str, board: str) -> None:
    assert board_of(symbol) == board


def even(fraction: float) -> Band:
    return Band(fraction, fraction)


@pytest.mark.parametrize(
    ("symbol", "day", "st", "band"),
    [
        # ChiNext: ±10% (ST ±5%) up to the reform, ±20% for everyone from 2020-08-24.
        ("300059.SZ", D(2015, 6, 12), False, even(0.10)),
        ("300059.SZ", D(2020, 8, 21), False, even(0.10)),
        ("300059.SZ", D(2020, 8, 24), False, even(0.20)),
        ("300104.SZ", D(2020, 8, 21), True, even(0.05)),
        ("300104.SZ", D(2020, 8, 24), True, even(0.20)),
        # STAR: ±20% from its opening, ST too.
        ("688001.SH", D(2019, 7, 22), False, even(0.20)),
        ("688086.SH", D(2022, 5, 5), True, even(0.20)),
        # Beijing: ±30%.
        ("830799.BJ", D(2021, 11, 15), False, even(0.30)),
        # Main board: ±10%; ST ±5% until 2025-07-04, ±10% from 2025-07-07.
        ("600000.SH", D(2015, 7, 8), False, even(0.10)),
        ("600654.SH", D(2025, 7, 4), True, even(0.05)),
        ("600654.SH", D(2025, 7, 7), True, even(0.10)),
        ("000001.SH", D(2015, 7, 8), False, NONE),
    ],
)
def test_bands_change_on_their_dates(symbol: str, day: dt.date, st: bool, band: Band) -> None:
    assert price_band(symbol, day, st=st) == band


@pytest.mark.parametrize(
    ("symbol", "listed", "session", "band"),
    [
        # Registration-era listings: five unlimited days, then the board's band.
        ("688981.SH", D(2020, 7, 16), 1, NONE),
        ("688981.SH", D(2020, 7, 16), 5, NONE),
        ("688981.SH", D(2020, 7, 16), 6, even(0.20)),
        ("301001.SZ", D(2020, 8, 24), 5, NONE),
        ("301001.SZ", D(2020, 8, 24), 6, even(0.20)),
        ("603004.SH", D(2023, 4, 10), 5, NONE),
        ("603004.SH", D(2023, 4, 10), 6, even(0.10)),
        # Before the reforms, from 2014: +44% / -36% of the offer price on the first day only.
        ("300750.SZ", D(2018, 6, 11), 1, Band(0.44, 0.36, of_offer=True)),
        ("300750.SZ", D(2018, 6, 11), 2, even(0.10)),
        ("603288.SH", D(2014, 2, 11), 1, Band(0.44, 0.36, of_offer=True)),
        ("601318.SH", D(2007, 3, 1), 1, NONE),  # before 2014: no cap on the first day
        ("601318.SH", D(2007, 3, 1), 2, even(0.10)),
        # Beijing: the first day has no limit.
        ("920001.BJ", D(2024, 1, 2), 1, NONE),
        ("920001.BJ", D(2024, 1, 2), 2, even(0.30)),
    ],
)
def test_a_new_listings_first_days(symbol: str, listed: dt.date, session: int, band: Band) -> None:
    # `day` follows from the session here; only the listing date decides which rule applies.
    day = listed + dt.timedelta(days=session - 1)
    assert price_band(symbol, day, listed=listed, session=session) == band


def test_without_a_listing_date_the_first_days_are_not_applied() -> None:
    assert price_band("688981.SH", D(2020, 7, 16), session=1) == even(0.20)


def test_unlimited_is_not_limited() -> None:
    assert not NONE.limited and even(0.1).limited and Band(None, 0.1).limited
