from __future__ import annotations

import pytest

from mystocks.domain import paging
from mystocks.errors import InvalidRequest


def test_cursor_round_trip_is_url_safe():
    cursor = paging.encode("bars.1d", "2017-07-26T00:00:00")
    assert paging.decode("bars.1d", cursor) == "2017-07-26T00:00:00"
    assert set(cursor) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert paging.decode("bars.1d", None) is None


@pytest.mark.parametrize("cursor", ["", "0", "!!!", paging.encode("ticks", "123")])
def test_foreign_or_garbled_cursors_are_refused(cursor):
    with pytest.raises(InvalidRequest) as caught:
        paging.decode("bars.1d", cursor)
    assert caught.value.problems[0].name == "cursor"
