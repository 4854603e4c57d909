from enum import StrEnum


class IndicatorName(StrEnum):
    ATR = "ATR"
    BOLL = "BOLL"
    EMA = "EMA"
    KDJ = "KDJ"
    MA = "MA"
    MACD = "MACD"
    RSI = "RSI"

    def __str__(self) -> str:
        return str(self.value)
