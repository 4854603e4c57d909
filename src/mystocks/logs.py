"""Log lines: JSON in production, readable in development, the request id in each, no secrets.

Our code, uvicorn and Connexion all log through the standard library; `configure_logging`
gives the root logger one handler whose formatter is structlog's `ProcessorFormatter`, so every
record gets one format and the same processors, and `structlog.get_logger()` (should anything
use it) ends up on that handler too. It runs once, in `mystocks serve`: `create_app` configures
nothing, so tests keep pytest's own capture.

The request id lives in a context variable that the request middleware (`mystocks.api.observe`)
sets for the time of a request: every line logged meanwhile, in handlers and in the thread pool
alike (Starlette copies the context into it), carries it, and problem bodies quote it.

Secrets: `redact` runs last before rendering, over every value of every line (messages and
tracebacks included). It blanks values under names such as `password` or `refresh_token`,
values that look like JWTs or opaque tokens, `Bearer` credentials, and such names' values in
query strings, form bodies and dict reprs. A password is caught only by its name: never log a
request body or a credential as a bare value.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from contextvars import ContextVar
from typing import IO, Any

import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

from mystocks.settings import Settings

REQUEST_ID: ContextVar[str | None] = ContextVar("mystocks_request_id", default=None)
TRACE_ID: ContextVar[str | None] = ContextVar("mystocks_trace_id", default=None)

REDACTED = "[REDACTED]"
# Names whose values are secret wherever they appear (compared lower-case, `-` as `_`); names
# ending in `_password`, `_token` or `_secret` are secret too.
SECRET_NAMES = frozenset(
    {
        "password",
        "passwd",
        "token",
        "access_token",
        "refresh_token",
        "id_token",
        "authorization",
        "proxy_authorization",
        "cookie",
        "set_cookie",
        "secret",
        "client_secret",
        "api_key",
        "x_api_key",
        "apikey",
        "signature",
        "x_signature",
        "jwt_secret",
    }
)
_SECRET_SUFFIXES = ("_password", "_token", "_secret")
_NAME = r"[A-Za-z_-]*(?:password|passwd|token|authorization|cookie|secret|api[_-]?key|signature)"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # A JWT: three base64url parts, the first of them a JSON object (`{"` is `eyJ`).
    (re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.?[A-Za-z0-9_-]*"), REDACTED),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), rf"\1 {REDACTED}"),
    # name=value in a query string or form body
    (re.compile(rf"(?i)\b({_NAME})=[^&\s\"',;]+"), rf"\1={REDACTED}"),
    # 'name': 'value' / "name": "value" in a dict repr or JSON text
    (re.compile(rf"(?i)([\"']{_NAME}[\"']\s*:\s*)(?:b?[\"'][^\"']*[\"'])"), rf"\1'{REDACTED}'"),
    # An opaque token (refresh tokens are `secrets.token_urlsafe(32)`, 43 characters): a run of
    # 32+ base64url characters mixing upper case, lower case and digits. Hex digests, request
    # ids and identifiers have no such mix.
    (
        re.compile(
            r"(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])"
            r"(?=[A-Za-z0-9_-]*[0-9])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])"
        ),
        REDACTED,
    ),
)


def secret_name(name: str) -> bool:
    key = name.lower().replace("-", "_")
    return key in SECRET_NAMES or key.endswith(_SECRET_SUFFIXES)


# Every secret a pattern finds has one of these in its text (lower-cased), or is an opaque
# token of 32+ characters: a line without them skips the regular expressions, which otherwise
# cost more than the rest of its formatting.
_HINTS = re.compile("eyj|pass|token|authoriz|cookie|secret|key|signature|bearer|basic")
# Values the formatter or the access log write themselves, never secret.
_TRUSTED = frozenset(
    {"timestamp", "level", "logger", "request_id", "trace_id", "status", "duration_ms", "bytes"}
)


def redact_text(text: str) -> str:
    if len(text) < 8:  # shorter than any pattern's match
        return text
    if _HINTS.search(text.lower()):
        patterns = _PATTERNS
    elif len(text) >= 32:
        patterns = _PATTERNS[-1:]  # an opaque token alone
    else:
        return text
    for pattern, replacement in patterns:
        text = pattern.sub(replacement, text)
    return text


def _redacted(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, bytes):
        return redact_text(value.decode("utf-8", "replace"))
    if isinstance(value, MutableMapping | dict):
        return {k: REDACTED if secret_name(str(k)) else _redacted(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_redacted(v) for v in value]
    if isinstance(value, int | float | bool) or value is None:
        return value
    return redact_text(repr(value))


def redact(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    """The last processor before rendering: no secret leaves in a log line."""
    return {
        key: value if key in _TRUSTED else REDACTED if secret_name(key) else _redacted(value)
        for key, value in event_dict.items()
    }


def add_request_context(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    request_id = REQUEST_ID.get()
    if request_id is not None:
        event_dict.setdefault("request_id", request_id)
    trace_id = TRACE_ID.get()
    if trace_id is not None:
        event_dict.setdefault("trace_id", trace_id)
    return event_dict


def _drop_color_message(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    event_dict.pop("color_message", None)  # uvicorn's duplicate of the message, with ANSI codes
    return event_dict


def formatter(json: bool) -> structlog.stdlib.ProcessorFormatter:
    """The one formatter of every log line (also for tests that capture a stream)."""
    shared: list[Processor] = [
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.stdlib.ExtraAdder(),
        _drop_color_message,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        add_request_context,
    ]
    renderer: Processor = (
        structlog.processors.JSONRenderer()
        if json
        else structlog.dev.ConsoleRenderer(
            colors=False, exception_formatter=structlog.dev.plain_traceback
        )
    )
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,  # a string, so redact sees tracebacks too
            redact,
            renderer,
        ],
    )


def configure_logging(settings: Settings, stream: IO[str] | None = None) -> logging.Handler:
    """Send every log record of this process to `stream` (stderr) in the settings' format, at
    the settings' level; returns the handler (tests remove it again)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter(settings.json_logs))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.stdlib.filter_by_level,
            structlog.stdlib.add_logger_name,
            structlog.stdlib.add_log_level,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            add_request_context,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    return handler
