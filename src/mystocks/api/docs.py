"""`/openapi.json` and `/docs` as Connexion serves them, but from the spec with its `$ref`s.

Connexion's Swagger UI middleware serialises the spec with every `$ref` resolved in place. A
recursive schema (a screening condition holds conditions) then is a dict that contains itself,
which no JSON encoder can write. The spec as bundled keeps its internal `$ref`s: smaller, and
what Swagger UI and Schemathesis read anyway.
"""

from __future__ import annotations

import typing as t

from connexion.middleware.main import ConnexionMiddleware
from connexion.middleware.swagger_ui import SwaggerUIAPI, SwaggerUIMiddleware
from connexion.spec import Specification


class _UnresolvedSpecAPI(SwaggerUIAPI):  # type: ignore[misc]
    def _spec_for_prefix(self, request: t.Any) -> dict[str, t.Any]:
        base_path = self._base_path_for_prefix(request)
        return t.cast(dict[str, t.Any], self.specification.with_base_path(base_path).raw)


class UnresolvedSwaggerUI(SwaggerUIMiddleware):  # type: ignore[misc]
    def add_api(
        self,
        specification: Specification,
        base_path: str | None = None,
        arguments: dict[str, t.Any] | None = None,
        **kwargs: t.Any,
    ) -> None:
        api = _UnresolvedSpecAPI(
            specification,
            base_path=base_path,
            arguments=arguments,
            default=self.default_fn,
            **kwargs,
        )
        self.router.mount(api.base_path, app=api.router)


MIDDLEWARES = [
    UnresolvedSwaggerUI if m is SwaggerUIMiddleware else m
    for m in ConnexionMiddleware.default_middlewares
]
