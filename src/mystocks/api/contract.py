"""Each handler module is its tag's Protocol: a handler that drifts from the contract fails mypy."""

from __future__ import annotations

from mystocks_contract.protocols import AuthHandlers, MarketHandlers, SystemHandlers

from mystocks.api import auth, market, system

_system: SystemHandlers = system
_auth: AuthHandlers = auth
_market: MarketHandlers = market
