from __future__ import annotations

from mystocks.services.request_context import bound, current_client_ip, current_request_id


def test_outside_a_request_there_is_no_address_or_request_id():
    assert current_request_id() is None and current_client_ip() is None


def test_the_middlewares_request_id_wins_over_the_header():
    scope = {"state": {"request_id": "from-middleware"}, "headers": [(b"x-request-id", b"hdr")]}
    with bound(scope):
        assert current_request_id() == "from-middleware"
    assert current_request_id() is None


def test_a_well_formed_header_is_taken_and_anything_else_ignored():
    with bound({"headers": [(b"x-request-id", b"abc-123.4:5_6")], "client": ("10.0.0.1", 1)}):
        assert current_request_id() == "abc-123.4:5_6" and current_client_ip() == "10.0.0.1"
    for bad in (b"with space", b"x" * 129, b"<script>", b""):
        with bound({"headers": [(b"x-request-id", bad)]}):
            assert current_request_id() is None


def test_the_state_is_read_when_asked_so_later_middlewares_count():
    scope: dict = {"state": {}}
    with bound(scope):
        scope["state"]["request_id"] = "set-later"
        assert current_request_id() == "set-later"
