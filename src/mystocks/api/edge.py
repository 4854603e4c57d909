"""The outermost layers of every HTTP answer: security headers and CORS. `edge(app, settings)`
wraps the rest of the stack in them.

Security headers go on every answer, errors and 429s included, unless the answer set its own:
`nosniff`, no referrer, no framing, and a Content-Security-Policy fit for the Vue app served
from this origin. Swagger UI at `/docs` runs an inline script and inline styles, so its pages
get a policy that allows inline scripts there and nowhere else. `Strict-Transport-Security`
only on answers that went out over HTTPS: TLS served by uvicorn itself, or a trusted proxy's
`X-Forwarded-Proto: https` (uvicorn rewrites the scope's scheme when MYSTOCKS_FORWARDED_ALLOW_IPS
names the proxy); over plain HTTP the header is meaningless and browsers ignore it.

CORS is off unless MYSTOCKS_CORS_ORIGINS names origins. Bearer tokens travel in the
`Authorization` header, never in cookies, so credentials mode is never allowed and CSRF has
nothing to ride on.
"""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mystocks.settings import Settings

_COMMON = "img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; " + (
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
APP_CSP = f"default-src 'self'; {_COMMON}"
DOCS_CSP = f"default-src 'self'; script-src 'self' 'unsafe-inline'; {_COMMON}"
HSTS = "max-age=31536000; includeSubDomains"
DOCS_PREFIX = "/docs"

CORS_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
CORS_HEADERS = [
    "Authorization",
    "Content-Type",
    "If-Match",
    "If-None-Match",
    "Idempotency-Key",
    "Last-Event-ID",
    "X-Request-ID",
    # API key signing (`X-MS-*`)
    "X-MS-APIKEY",
    "X-MS-TIMESTAMP",
    "X-MS-SIGNATURE",
    "X-MS-NONCE",
]
CORS_EXPOSED = [
    "ETag",
    "Location",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "X-Request-ID",
]


def _headers(csp: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"content-security-policy", csp.encode()),
    ]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._app_headers = _headers(APP_CSP)
        self._docs_headers = _headers(DOCS_CSP)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] == DOCS_PREFIX or scope["path"].startswith(DOCS_PREFIX + "/")
        extra = list(self._docs_headers if docs else self._app_headers)
        if scope.get("scheme") == "https":
            extra.append((b"strict-transport-security", HSTS.encode()))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in extra if n not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def edge(app: ASGIApp, settings: Settings) -> ASGIApp:
    wrapped: ASGIApp = app
    origins = settings.cors_origin_list
    if origins:
        wrapped = CORSMiddleware(
            wrapped,
            allow_origins=origins,
            allow_methods=CORS_METHODS,
            allow_headers=CORS_HEADERS,
            expose_headers=CORS_EXPOSED,
            allow_credentials=False,
            max_age=600,
        )
    return SecurityHeaders(wrapped)
