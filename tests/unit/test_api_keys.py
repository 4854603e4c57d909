"""The signing scheme's wire format, and the scope each operation needs."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from mystocks_sdk import signature_headers

from mystocks.identity.api_keys import (
    SCOPES,
    InProcessNonces,
    SignatureRefused,
    SignedRequest,
    scopes_by_operation,
    sign,
)

BUNDLE = yaml.safe_load((Path(__file__).parents[2] / "generated" / "openapi.yaml").read_text())


def test_the_signature_matches_an_independent_hmac():
    # Computed with openssl, so a change of the string to sign (which would break every
    # program's client) fails here:
    #   printf '1732435200000\nn0nce-0123456789ab\nGET\n/api/v1/market/bars/600036.SH\n'\
    #   'period=1d&limit=5\n<sha256 of the empty body>' | openssl dgst -sha256 -hmac mss_test-secret
    signature = sign(
        "mss_test-secret",
        "get",
        "/api/v1/market/bars/600036.SH",
        "period=1d&limit=5",
        "1732435200000",
        "n0nce-0123456789ab",
        b"",
    )
    assert signature == "14bac109ba5c04f776987a3dacbd2406dba16da369da988342d529163aecde4e"


def test_signed_headers_make_a_request_the_server_reads():
    headers = signature_headers("mk_0123456789abcdef", "mss_s", "POST", "/api/v1/orders", "", b"{}")
    lower = {name.lower(): value for name, value in headers.items()}
    request = SignedRequest.from_headers(lower, "POST", "/api/v1/orders", "", b"{}")
    assert request.signature == sign(
        "mss_s", "POST", "/api/v1/orders", "", request.timestamp, request.nonce, b"{}"
    )


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("x-ms-apikey", "key-1"),
        ("x-ms-timestamp", "yesterday"),
        ("x-ms-nonce", "short"),
        ("x-ms-signature", "ABCDEF"),
    ],
)
def test_malformed_headers_are_named(header, value):
    headers = signature_headers("mk_0123456789abcdef", "mss_s", "GET", "/x")
    lower = {name.lower(): v for name, v in headers.items()} | {header: value}
    with pytest.raises(SignatureRefused, match=header.upper()) as refused:
        SignedRequest.from_headers(lower, "GET", "/x", "", b"")
    assert refused.value.code == "signature_headers_malformed"


def test_every_operation_has_a_scope_and_admin_operations_need_admin():
    table = scopes_by_operation(BUNDLE)
    operations = {
        op["operationId"]
        for item in BUNDLE["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert set(table) == operations and set(table.values()) <= set(SCOPES)
    for admin_only in ("ingest_bars", "ingest_ticks", "get_metrics", "list_audit"):
        assert [s for op, s in table.items() if op.endswith(f".{admin_only}")] == ["admin"]
    assert table["mystocks.api.screens.run_screen"] == "read"  # a POST that only reads
    assert table["mystocks.api.paper.create_order"] == "trade"
    assert table["mystocks.api.market.get_quote"] == "read"


def test_a_nonce_is_accepted_once_within_its_time():
    nonces = InProcessNonces()

    async def uses() -> list[bool]:
        return [await nonces.first_use(key, 60) for key in ("a", "b", "a")]

    assert asyncio.run(uses()) == [True, True, False]
