"""Security headers on every answer and CORS as configured (`mystocks.api.edge`)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from mystocks.api.edge import APP_CSP, DOCS_CSP
from tests.conftest import app_on_copy

ORIGIN = "https://app.example"


def _assert_hardened(headers, csp: str = APP_CSP) -> None:
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Content-Security-Policy"] == csp


@pytest.mark.parametrize("path", ["/health", "/api/v1/version", "/api/v1/nothing-here"])
def test_every_answer_carries_the_security_headers(client, path):
    answer = client.get(path)
    _assert_hardened(answer.headers)
    assert "Strict-Transport-Security" not in answer.headers  # plain HTTP: meaningless
    assert "frame-ancestors 'none'" in APP_CSP and "script-src" not in APP_CSP


def test_errors_and_refusals_carry_them_too(client, admin_headers):
    assert client.get("/api/v1/users/me").status_code == 401
    _assert_hardened(client.get("/api/v1/users/me").headers)
    refused = client.get("/api/v1/audit", params={"limit": 0}, headers=admin_headers)
    assert refused.status_code == 400
    _assert_hardened(refused.headers)


def test_swagger_ui_gets_its_own_policy_and_loads_only_from_here(client):
    page = client.get("/docs/")
    assert page.status_code == 200
    _assert_hardened(page.headers, DOCS_CSP)
    assert "script-src 'self' 'unsafe-inline'" in DOCS_CSP
    # Nothing it loads comes from another origin (the policy would block it).
    assert "http://" not in page.text.replace("http://testserver", "")
    assert "https://" not in page.text


def test_hsts_only_over_https(shared_app):
    with TestClient(shared_app, base_url="https://testserver") as secure:
        answer = secure.get("/health")
    assert answer.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_auth_answers_are_not_stored_and_set_no_cookies(client):
    answer = client.post(
        "/api/v1/auth/token", data={"username": "admin", "password": "mystocks-admin"}
    )
    assert answer.headers["Cache-Control"] == "no-store"
    assert "set-cookie" not in answer.headers


def test_without_configured_origins_there_is_no_cross_origin_access(client):
    preflight = client.options(
        "/api/v1/market/symbols",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    simple = client.get("/health", headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in simple.headers


@pytest.fixture(scope="module")
def cors_client(template_dir, tmp_path_factory):
    app = app_on_copy(
        template_dir,
        tmp_path_factory.mktemp("cors"),
        cors_origins=f"{ORIGIN},http://localhost:5173",
    )
    with TestClient(app) as client:
        yield client


def test_a_preflight_from_an_allowed_origin_names_methods_and_headers(cors_client):
    asked = "authorization, content-type, idempotency-key, if-match, x-ms-signature"
    preflight = cors_client.options(
        "/api/v1/orders",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": asked,
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    methods = preflight.headers["access-control-allow-methods"]
    assert {"GET", "POST", "PUT", "PATCH", "DELETE"} <= set(methods.split(", "))
    allowed = preflight.headers["access-control-allow-headers"].lower()
    for header in ("authorization", "idempotency-key", "if-match", "last-event-id", "x-ms-nonce"):
        assert header in allowed
    assert "access-control-allow-credentials" not in preflight.headers
    _assert_hardened(preflight.headers)


def test_a_preflight_from_another_origin_or_for_other_headers_is_refused(cors_client):
    foreign = cors_client.options(
        "/api/v1/orders",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert foreign.status_code == 400
    assert "access-control-allow-origin" not in foreign.headers
    odd = cors_client.options(
        "/api/v1/orders",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-custom-thing",
        },
    )
    assert odd.status_code == 400


def test_cross_origin_answers_expose_the_headers_clients_read(cors_client):
    answer = cors_client.get("/api/v1/version", headers={"Origin": ORIGIN})
    assert answer.headers["access-control-allow-origin"] == ORIGIN
    exposed = answer.headers["access-control-expose-headers"].lower()
    for header in ("etag", "ratelimit-remaining", "retry-after", "x-request-id", "location"):
        assert header in exposed
    assert "access-control-allow-credentials" not in answer.headers
