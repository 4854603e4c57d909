"""The generated Python client (`generated/python-client`, package `mystocks_client`) against a
real server: what a program gets from `pip install ./generated/python-client`.

A field renamed in `openapi/` and regenerated changes these typed models, so this test (and
mypy over it) feels the change from the consumer's side.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mystocks_client import AuthenticatedClient, Client
from mystocks_client.api.auth import create_token, get_current_user
from mystocks_client.api.market import list_bars, list_symbols
from mystocks_client.models import BarPage, Problem, Token, TokenRequest, User
from mystocks_client.models.period import Period

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy
from tests.servers import thread_server


def test_a_program_signs_in_and_reads_typed_bars(template_dir: Path, tmp_path: Path) -> None:
    app = app_on_copy(template_dir, tmp_path)
    with thread_server(app) as base:
        with Client(base_url=base) as anonymous:
            wrong = create_token.sync(
                client=anonymous, body=TokenRequest(username="admin", password="wrong")
            )
            assert isinstance(wrong, Problem) and wrong.status == 401
            token = create_token.sync(
                client=anonymous, body=TokenRequest(username="admin", password=DEV_ADMIN_PASSWORD)
            )
        assert isinstance(token, Token) and token.expires_in > 0

        with AuthenticatedClient(base_url=base, token=token.access_token) as client:
            me = get_current_user.sync(client=client)
            assert isinstance(me, User) and me.username == "admin"

            found = list_symbols.sync(client=client, q="zsyh")
            assert not isinstance(found, Problem) and found is not None
            assert [s.symbol for s in found.items][:1] == ["600036.SH"]
            assert found.items[0].name == "招商银行"

            page = list_bars.sync(
                "600036.SH",
                client=client,
                period=Period("1d"),
                start=dt.date(2017, 7, 1),
                end=dt.date(2017, 7, 31),
            )
            assert isinstance(page, BarPage), page
            # Every column is optional in the model (`fields=` may leave it out): narrow first.
            ranges = [(b.high, b.low) for b in page.items]
            assert ranges and all(
                isinstance(hi, float) and isinstance(lo, float) and hi >= lo for hi, lo in ranges
            )
            first = page.items[0].ts  # a datetime with the exchange's offset, as the contract says
            assert first.utcoffset() == dt.timedelta(hours=8)
            assert first.date() >= dt.date(2017, 7, 3)
            assert len({b.ts.date() for b in page.items}) == len(page.items)  # one bar a day

            missing = list_bars.sync("999999.SH", client=client)
            assert isinstance(missing, Problem) and missing.status == 404
            assert isinstance(missing.detail, str) and "999999.SH" in missing.detail
