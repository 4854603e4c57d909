from enum import StrEnum


class StrategyType(StrEnum):
    BOLLINGER_BREAKOUT = "bollinger_breakout"
    MACD_TREND = "macd_trend"
    MOMENTUM = "momentum"
    RSI_REVERSION = "rsi_reversion"
    SMA_CROSS = "sma_cross"

    def __str__(self) -> str:
        return str(self.value)
