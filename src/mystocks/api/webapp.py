"""The built web app (`frontend-client/app/dist`, MYSTOCKS_WEB_DIR) served at `/`.

`WebApp(app, folder)` answers GET and HEAD requests for the app and hands everything else to
`app`:

- `/assets/…`: Vite's content-hashed files; a new build gets new names, so browsers may keep
  them for a year without asking again (`immutable`). A missing one is the API's 404, never
  index.html (a browser would try to run HTML as a script).
- other files at the top of the folder (a favicon): revalidated on every use (`no-cache`).
- any other path (`/market/600036.SH`): `index.html`, `no-cache`, so the browser's router shows
  the page (history mode) and a new deployment is picked up on the next load.

The server's own paths (`/api/…`, `/docs`, `/metrics`, `/health`, `/ready`, `/openapi…`) always
go to `app`, so an unknown API path is still a problem+json 404.

It sits outside the rate limiter: one page load fetches a dozen files, and static files cost no
more to serve than the 429 would.
"""

from __future__ import annotations

import os
import stat as stat_module
from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.middleware.gzip import GZipMiddleware
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

SERVER_PREFIXES = ("/api", "/docs", "/metrics", "/health", "/ready")
IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
ASSETS = "/assets/"


def is_server_path(path: str) -> bool:
    """Paths the API server answers itself (never the app's index.html)."""
    if path.startswith("/openapi"):
        return True
    return any(path == prefix or path.startswith(prefix + "/") for prefix in SERVER_PREFIXES)


class WebApp:
    def __init__(self, app: ASGIApp, folder: Path) -> None:
        self.app = app
        self.files = StaticFiles(directory=folder, check_dir=True)
        # Compressed like the API's answers: the app's JavaScript shrinks ~3.5x.
        self._serve = GZipMiddleware(self._file, minimum_size=1024, compresslevel=6)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or is_server_path(scope["path"])
        ):
            await self.app(scope, receive, send)
            return
        await self._serve(scope, receive, send)

    async def _file(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        found = self._lookup(path.lstrip("/"))
        if path.startswith(ASSETS):
            cache = IMMUTABLE
        elif found is None:  # a page of the app's router
            found, cache = self._lookup("index.html"), NO_CACHE
        else:
            cache = NO_CACHE
        if found is None:  # a missing asset (or no index.html): the API's problem+json 404
            await self.app(scope, receive, send)
            return
        response = self.files.file_response(*found, scope)
        MutableHeaders(raw=response.raw_headers)["Cache-Control"] = cache
        await response(scope, receive, send)

    def _lookup(self, relative: str) -> tuple[str, os.stat_result] | None:
        """The file's path and stat, if it is a file inside the folder (no `..` escapes)."""
        if not relative:
            return None
        full, stat = self.files.lookup_path(relative)
        if stat is None or not stat_module.S_ISREG(stat.st_mode):
            return None
        return full, stat
