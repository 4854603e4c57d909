from enum import StrEnum


class MacdTrendDefinitionType(StrEnum):
    MACD_TREND = "macd_trend"

    def __str__(self) -> str:
        return str(self.value)
