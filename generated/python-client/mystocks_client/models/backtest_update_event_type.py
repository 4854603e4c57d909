from enum import StrEnum


class BacktestUpdateEventType(StrEnum):
    BACKTEST_UPDATE = "backtest_update"

    def __str__(self) -> str:
        return str(self.value)
