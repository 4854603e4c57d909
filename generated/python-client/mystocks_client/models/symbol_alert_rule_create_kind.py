from enum import StrEnum


class SymbolAlertRuleCreateKind(StrEnum):
    CHANGE_PCT_BEYOND = "change_pct_beyond"
    PRICE_ABOVE = "price_above"
    PRICE_BELOW = "price_below"
    VOLUME_SPIKE = "volume_spike"

    def __str__(self) -> str:
        return str(self.value)
