from enum import StrEnum


class AlertRuleKind(StrEnum):
    ACCOUNT_DRAWDOWN = "account_drawdown"
    CHANGE_PCT_BEYOND = "change_pct_beyond"
    POSITION_SHARE = "position_share"
    PRICE_ABOVE = "price_above"
    PRICE_BELOW = "price_below"
    STRATEGY_LOSS = "strategy_loss"
    VOLUME_SPIKE = "volume_spike"

    def __str__(self) -> str:
        return str(self.value)
