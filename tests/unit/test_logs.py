"""What `mystocks.logs` renders and what it blanks."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from mystocks.logs import REDACTED, REQUEST_ID, formatter, redact, redact_text, secret_name
from mystocks.settings import Settings
from tests.conftest import PRODUCTION_SECRETS

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXdpdGgtZW5vdWdo"
OPAQUE = "w12DU8Dfd8C73wNfJ7l4l_dTNMncFRsUxbPhsIc8H-k"  # secrets.token_urlsafe(32)


@pytest.mark.parametrize(
    "name", ["password", "Authorization", "refresh_token", "X-API-Key", "admin_password", "cookie"]
)
def test_secret_names(name):
    assert secret_name(name)


@pytest.mark.parametrize("name", ["user", "api_key_id", "request_id", "path", "status"])
def test_ordinary_names(name):
    assert not secret_name(name)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"token {JWT} seen", "token "),
        ("Authorization: Bearer abc.def-123", "Authorization: Bearer "),
        ("GET /x?limit=5&access_token=abc&password=p4ss", "limit=5&access_token="),
        ("{'password': 'hunter2', 'username': 'bob'}", "'username': 'bob'"),
        ('{"refresh_token": "abc", "n": 1}', '"n": 1'),
        (f"redeemed {OPAQUE}", "redeemed "),
    ],
)
def test_secret_values_are_blanked_and_the_rest_kept(text, kept):
    redacted = redact_text(text)
    assert REDACTED in redacted and kept in redacted
    for secret in (JWT, "abc.def-123", "p4ss", "hunter2", '"abc"', OPAQUE, "=abc"):
        assert secret not in redacted


@pytest.mark.parametrize(
    "text",
    [
        "GET /api/v1/market/bars/600036.SH 200",
        "request 3f2c9d7e0b8a4c51a1d2e3f405968778 took 12 ms",  # a request id (hex)
        "mystocks.api.market.list_bars",
        "ETag 5d41402abc4b2a76b9719d911017c592",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert redact_text(text) == text


def test_redact_walks_nested_values():
    event = {"event": "x", "password": "p", "data": {"token": "t", "items": [f"Bearer {JWT}"]}}
    assert redact(None, "info", event) == {
        "event": "x",
        "password": REDACTED,
        "data": {"token": REDACTED, "items": [f"Bearer {REDACTED}"]},
    }


def _render(log_format: str) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter(Settings(log_format=log_format, data_dir=Path("x")).json_logs))
    logger = logging.getLogger("mystocks.test_logs")
    logger.addHandler(handler)
    logger.propagate = False
    reset = REQUEST_ID.set("req-1")
    try:
        logger.warning("signed in %s", "carol", extra={"user": "carol", "password": "p"})
    finally:
        REQUEST_ID.reset(reset)
        logger.removeHandler(handler)
        logger.propagate = True
    return stream.getvalue()


def test_json_lines_carry_the_request_id():
    line = json.loads(_render("json"))
    assert line["event"] == "signed in carol" and line["level"] == "warning"
    assert line["request_id"] == "req-1" and line["user"] == "carol"
    assert line["password"] == REDACTED and line["logger"] == "mystocks.test_logs"


def test_console_lines_are_for_people():
    line = _render("console")
    assert "signed in carol" in line and "request_id=req-1" in line and not line.startswith("{")


@pytest.mark.parametrize(
    ("env", "log_format", "json_logs"),
    [
        ("production", "auto", True),
        ("development", "auto", False),
        ("development", "json", True),
        ("test", "console", False),
    ],
)
def test_auto_format_is_json_in_production(env, log_format, json_logs):
    fields = {"env": env, "log_format": log_format}
    if env == "production":
        fields |= PRODUCTION_SECRETS
    assert Settings(**fields).json_logs is json_logs
