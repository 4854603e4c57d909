"""The spec's security functions: `x-bearerInfoFunc` (bearer tokens) and `x-apikeyInfoFunc`
(signed API key requests). Neither verifies anything: the identity middleware in front did,
once (`api.identity`); here its outcome becomes Connexion's token info, or a 401."""

from __future__ import annotations

from typing import Any

from connexion.exceptions import OAuthProblem, ProblemException

from mystocks.api.identity import identity_of
from mystocks.errors import PermissionDenied
from mystocks.identity.api_keys import KEY_HEADER

BOTH = (
    "Send either a bearer token or an API key signature, not both: a request carries one identity."
)
NOT_CHECKED = "This request's credentials were not checked."


def bearer_info(token: str, request: Any) -> dict[str, Any]:
    if KEY_HEADER in request.headers:
        raise OAuthProblem(detail=BOTH)
    identity = identity_of(request.scope)
    if identity.via != "bearer" or identity.credential != token:
        raise OAuthProblem(detail=NOT_CHECKED)
    if identity.principal is None:
        raise OAuthProblem(detail=identity.failure)
    return {"sub": identity.principal.username, "principal": identity.principal}


def api_key_info(api_key: str, request: Any) -> dict[str, Any]:
    """The key's scopes meet the operation's here (the middleware knows no operation)."""
    if "authorization" in request.headers:
        raise OAuthProblem(detail=BOTH)
    identity = identity_of(request.scope)
    principal = identity.principal
    if identity.via != "signature" or identity.credential != api_key or principal is None:
        checked = identity.via == "signature" and identity.failure is not None
        problem = OAuthProblem(
            detail=identity.failure
            if checked
            else "This request's API key signature was not checked."
        )
        problem.ext = {"code": identity.code if checked else "signature_headers_missing"}
        raise problem
    routing = request.scope.get("extensions", {}).get("connexion_routing", {})
    try:
        request.scope["state"]["services"].api_keys.require_scope(
            principal, routing.get("operation_id")
        )
    except PermissionDenied as exc:  # as a ProblemException, so Connexion ranks it as a 403
        raise ProblemException(status=403, title="Forbidden", detail=exc.detail) from None
    return {"sub": principal.username, "principal": principal}
