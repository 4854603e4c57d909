from __future__ import annotations

from mystocks.identity.request_context import CLIENT_IP, current_client_ip, current_request_id
from mystocks.logs import REQUEST_ID


def test_outside_a_request_there_is_no_address_or_request_id():
    assert current_request_id() is None and current_client_ip() is None


def test_the_request_id_is_the_one_the_middleware_set():
    # `api.observe` keeps a well-formed X-Request-ID or makes one (tested there), and sets it.
    token = REQUEST_ID.set("from-middleware")
    try:
        assert current_request_id() == "from-middleware"
    finally:
        REQUEST_ID.reset(token)
    assert current_request_id() is None


def test_the_client_address_is_the_one_the_middleware_set():
    token = CLIENT_IP.set("10.0.0.1")
    try:
        assert current_client_ip() == "10.0.0.1"
    finally:
        CLIENT_IP.reset(token)
    assert current_client_ip() is None
