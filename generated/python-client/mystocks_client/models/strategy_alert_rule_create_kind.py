from enum import StrEnum


class StrategyAlertRuleCreateKind(StrEnum):
    STRATEGY_LOSS = "strategy_loss"

    def __str__(self) -> str:
        return str(self.value)
