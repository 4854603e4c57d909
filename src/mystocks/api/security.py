"""Bearer-token check wired to the spec's `x-bearerInfoFunc`."""

from __future__ import annotations

from typing import Any

from connexion.exceptions import OAuthProblem

from mystocks.errors import AuthenticationFailed


def bearer_info(token: str, request: Any) -> dict[str, Any]:
    """The middleware in front (`api.ratelimit`) verified the token already, revocation
    included; reuse its outcome. Requests that bypass it are checked here."""
    state = request.scope["state"]
    verified = state.get("principal")
    if verified is not None and verified[0] == token:
        principal = verified[1]
    else:
        failure = state.get("auth_failure")
        if failure is not None and failure[0] == token:
            raise OAuthProblem(detail=failure[1])
        try:
            principal = state["services"].auth.authenticate(token)
        except AuthenticationFailed as exc:
            raise OAuthProblem(detail=exc.detail) from None
    return {"sub": principal.username, "principal": principal}
