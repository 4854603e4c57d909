"""The spec's security functions: `x-bearerInfoFunc` (bearer tokens) and `x-apikeyInfoFunc`
(signed API key requests)."""

from __future__ import annotations

from typing import Any

from connexion.exceptions import OAuthProblem, ProblemException

from mystocks.errors import AuthenticationFailed, PermissionDenied
from mystocks.services.api_keys import KEY_HEADER, SignatureRefused

BOTH = (
    "Send either a bearer token or an API key signature, not both: a request carries one identity."
)


def bearer_info(token: str, request: Any) -> dict[str, Any]:
    """The middleware in front (`api.ratelimit`) verified the token already, revocation
    included; reuse its outcome. Requests that bypass it are checked here."""
    if KEY_HEADER in request.headers:
        raise OAuthProblem(detail=BOTH)
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


def api_key_info(api_key: str, request: Any) -> dict[str, Any]:
    """The middleware in front checked the signature (it needs the raw body, which it alone
    can read before the app does); here the key's scopes meet the operation's."""
    if "authorization" in request.headers:
        raise OAuthProblem(detail=BOTH)
    state = request.scope["state"]
    principal = state.get("key_principal")
    if principal is None or principal.key_id != api_key:
        failure = state.get("key_failure") or SignatureRefused(
            "signature_headers_missing", "This request's API key signature was not checked."
        )
        problem = OAuthProblem(detail=failure.detail)
        problem.ext = {"code": failure.code}
        raise problem
    routing = request.scope.get("extensions", {}).get("connexion_routing", {})
    try:
        state["services"].api_keys.require_scope(principal, routing.get("operation_id"))
    except PermissionDenied as exc:  # as a ProblemException, so Connexion ranks it as a 403
        raise ProblemException(status=403, title="Forbidden", detail=exc.detail) from None
    return {"sub": principal.username, "principal": principal}
