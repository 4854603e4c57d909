"""The one exception the SDK raises for an answer that is not a success."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


class APIError(Exception):
    """A refused or failed request, with the fields of the server's problem+json answer
    (RFC 9457): `status`, `title`, `detail`, `type`, `instance`, the machine-readable `code`
    where the server gives one, the `request_id` to quote in a bug report, and `errors`, the
    field-level reasons of a 400 or 422 (each with `name`, `in` and `detail`)."""

    def __init__(self, status: int, problem: Mapping[str, Any]) -> None:
        self.status = status
        self.problem = dict(problem)
        self.title: str = str(problem.get("title") or f"HTTP {status}")
        self.detail: str | None = problem.get("detail")
        self.type: str = str(problem.get("type") or "about:blank")
        self.instance: str | None = problem.get("instance")
        self.code: str | None = problem.get("code")
        self.request_id: str | None = problem.get("request_id")
        self.errors: list[dict[str, Any]] = list(problem.get("errors") or [])
        super().__init__(self._message())

    def _message(self) -> str:
        text = f"{self.status} {self.title}"
        if self.detail:
            text += f": {self.detail}"
        for error in self.errors[:5]:
            text += (
                f"\n  {error.get('in', '?')} {error.get('name', '?')}: {error.get('detail', '')}"
            )
        if self.request_id:
            text += f"\n  (request id {self.request_id})"
        return text

    @classmethod
    def from_answer(
        cls, status: int, content: bytes, headers: Mapping[str, str] | None = None
    ) -> APIError:
        """From any answer: a problem+json body, or whatever else came back (a proxy's HTML
        page, say), which becomes the `detail`."""
        try:
            body = json.loads(content) if content else {}
        except ValueError:
            body = None
        if not isinstance(body, dict):
            body = {"detail": content.decode("utf-8", "replace")[:500] or None}
        if headers and "request_id" not in body:
            body["request_id"] = headers.get("x-request-id")
        return cls(status, body)
