from enum import StrEnum


class StreamBacktestsResponse200Event(StrEnum):
    BACKTEST_UPDATE = "backtest_update"

    def __str__(self) -> str:
        return str(self.value)
