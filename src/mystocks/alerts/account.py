"""Account rules: conditions on one paper account marked to market (cents, at each symbol's
latest trade, exactly as `GET /api/v1/accounts/{id}` values it: `PaperService.valuation`).

    account_drawdown  the equity is more than `threshold` percent below the rule's peak: the
                      highest of the initial cash and every equity the rule was evaluated on.
                      The peak is stored with the rule and only ever raised (a conditional
                      UPDATE), so it survives restarts and every instance shares it.
    position_share    one position's market value is above `threshold` percent of the equity;
                      the largest such position is the alert's symbol.

And strategy rules, on the paper orders one strategy's live signals placed (auto_trade):

    strategy_loss     the strategy's P&L (`PaperService.strategy_pnl`: cash its trades took and
                      gave, fees included, plus its holdings at the latest trade) is a loss of
                      more than `threshold` yuan.

Each kind is one function in `ACCOUNT_KINDS`, of the rule and an `AccountView`, answering the
alert's fields (`value`, `message`, optionally `symbol`) while its condition is true, else None.
The engine's crossing machinery does the rest (arm, fire once, cooldown, one alert across
instances), as for the symbol rules. `STRATEGY_KINDS` are the same, of a `StrategyView`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mystocks.alerts.store import AlertStore
from mystocks.domain.rules import yuan
from mystocks.trading.service import PaperService, Valuation

Hit = dict[str, Any]  # value, message (and symbol) of the alert a true condition would fire


class AccountView:
    """One account as its rules see it in one evaluation; shared by all of them."""

    def __init__(self, valued: Valuation, paper: PaperService, store: AlertStore) -> None:
        self.valued = valued
        self.paper = paper
        self.store = store

    @property
    def account_id(self) -> int:
        return int(self.valued.account["id"])

    @property
    def equity(self) -> int:
        return self.valued.equity

    @property
    def held(self) -> frozenset[str]:
        """The symbols whose price moves change what the rules see."""
        return frozenset(p["symbol"] for p in self.valued.positions)

    def peak(self, rule: dict[str, Any]) -> int:
        """The rule's peak equity including this evaluation (written only when it rises)."""
        seen = max(self.equity, self.valued.account["initial_cash"])
        if rule["peak"] is None or seen > rule["peak"]:
            rule["peak"] = self.store.raise_peak(rule["id"], seen)
        return int(rule["peak"])


def account_drawdown(rule: dict[str, Any], view: AccountView) -> Hit | None:
    peak, equity = view.peak(rule), view.equity
    # Compared in cents against the percent: (peak - equity) / peak > threshold / 100.
    if peak <= 0 or (peak - equity) * 100 <= rule["threshold"] * peak:
        return None
    pct = round((peak - equity) * 100 / peak, 4)
    return {
        "value": pct,
        "message": f"Account {view.account_id} is {pct:.2f}% below its peak equity"
        f" ({yuan(equity):.2f} of {yuan(peak):.2f}; bound {rule['threshold']}%)",
    }


def position_share(rule: dict[str, Any], view: AccountView) -> Hit | None:
    equity, positions = view.equity, view.valued.positions
    if equity <= 0 or not positions:
        return None
    top = max(positions, key=lambda p: (p["value"], p["symbol"]))
    if top["value"] * 100 <= rule["threshold"] * equity:
        return None
    pct = round(top["value"] * 100 / equity, 4)
    return {
        "value": pct,
        "symbol": top["symbol"],
        "message": f"{top['symbol']} is {pct:.2f}% of account {view.account_id}'s equity"
        f" (bound {rule['threshold']}%)",
    }


ACCOUNT_KINDS: dict[str, Callable[[dict[str, Any], AccountView], Hit | None]] = {
    "account_drawdown": account_drawdown,
    "position_share": position_share,
}


class StrategyView:
    """One strategy's paper trading as its rules see it in one evaluation."""

    def __init__(self, strategy_id: int, paper: PaperService) -> None:
        self.strategy_id = strategy_id
        flows = paper.store.strategy_flows(strategy_id)
        self.pnl = paper.strategy_pnl(strategy_id, flows)
        self.held = frozenset(symbol for symbol, (shares, _) in flows.items() if shares)


def strategy_loss(rule: dict[str, Any], view: StrategyView) -> Hit | None:
    loss = -view.pnl  # cents
    if loss <= rule["threshold"] * 100:
        return None
    return {
        "value": yuan(loss),
        "message": f"Strategy {view.strategy_id} has lost {yuan(loss):.2f} on paper"
        f" (bound {rule['threshold']:.2f})",
    }


STRATEGY_KINDS: dict[str, Callable[[dict[str, Any], StrategyView], Hit | None]] = {
    "strategy_loss": strategy_loss,
}
