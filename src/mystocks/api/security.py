"""Bearer-token check wired to the spec's `x-bearerInfoFunc`."""

from __future__ import annotations

from typing import Any

from connexion.exceptions import OAuthProblem

from mystocks.errors import AuthenticationFailed


def bearer_info(token: str, request: Any) -> dict[str, Any]:
    auth = request.scope["state"]["services"].auth
    try:
        principal = auth.authenticate(token)
    except AuthenticationFailed as exc:
        raise OAuthProblem(detail=exc.detail) from None
    return {"sub": principal.username, "principal": principal}
