"""The built web app served at / (`mystocks.api.webapp`): hashed assets cached for a year,
index.html revalidated, unknown pages answered with index.html, the API's paths left alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from mystocks.api.edge import APP_CSP
from mystocks.settings import Settings
from tests.conftest import app_on_copy

INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-4f2a9c.js"></script>'
SCRIPT = "console.log('MyStocks');\n" * 200  # big enough to be compressed


@pytest.fixture(scope="module")
def web(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    dist = tmp_path_factory.mktemp("dist")
    (dist / "assets").mkdir()
    (dist / "index.html").write_text(INDEX + "</head><body></body></html>", encoding="utf-8")
    (dist / "assets" / "index-4f2a9c.js").write_text(SCRIPT, encoding="utf-8")
    (dist / "favicon.ico").write_bytes(b"\x00\x00\x01\x00")
    app = app_on_copy(template_dir, tmp_path_factory.mktemp("web"), web_dir=dist)
    with TestClient(app) as client:
        yield client


def test_webapp_assets_are_immutable_and_compressed(web: TestClient) -> None:
    answer = web.get("/assets/index-4f2a9c.js", headers={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200
    assert answer.text == SCRIPT
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert answer.headers["Content-Type"].startswith("text/javascript")
    assert answer.headers["Content-Encoding"] == "gzip"
    assert answer.headers["Content-Security-Policy"] == APP_CSP


def test_webapp_index_is_revalidated(web: TestClient) -> None:
    for path in ("/", "/index.html"):
        answer = web.get(path)
        assert answer.status_code == 200
        assert answer.text.startswith(INDEX)
        assert answer.headers["Cache-Control"] == "no-cache"
        assert answer.headers["Content-Type"].startswith("text/html")
        assert "script-src" not in answer.headers["Content-Security-Policy"]  # no inline scripts
    # Revalidation costs a 304 when nothing changed.
    etag = web.get("/").headers["ETag"]
    assert web.get("/", headers={"If-None-Match": etag}).status_code == 304


def test_webapp_pages_of_the_router_fall_back_to_index(web: TestClient) -> None:
    for path in ("/market/600036.SH", "/sign-in", "/strategies/3/edit"):
        answer = web.get(path)
        assert answer.status_code == 200, path
        assert answer.text.startswith(INDEX)
        assert answer.headers["Cache-Control"] == "no-cache"
    assert web.get("/favicon.ico").headers["Cache-Control"] == "no-cache"


def test_webapp_leaves_the_server_paths_alone(web: TestClient) -> None:
    missing = web.get("/api/v1/nothing-here")
    assert missing.status_code == 404
    assert missing.headers["Content-Type"] == "application/problem+json"
    # A missing asset is a 404 too, not index.html (a browser would run HTML as a script).
    gone = web.get("/assets/index-0000.js")
    assert gone.status_code == 404
    assert gone.headers["Content-Type"] == "application/problem+json"
    assert web.get("/health").json() == {"status": "ok"}
    assert web.get("/openapi.json").json()["info"]["title"]
    assert "swagger" in web.get("/docs/").text.lower()
    # Only GET and HEAD are the app's; a POST to a page path is the API's answer.
    assert web.post("/market").status_code in (404, 405)


def test_webapp_not_served_without_a_folder(client: TestClient) -> None:
    answer = client.get("/market")
    assert answer.status_code == 404
    assert answer.headers["Content-Type"] == "application/problem+json"


def test_webapp_setting_empty_means_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MYSTOCKS_WEB_DIR", "")
    assert Settings().web_dir is None
