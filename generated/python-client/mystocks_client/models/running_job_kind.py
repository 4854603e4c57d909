from enum import StrEnum


class RunningJobKind(StrEnum):
    BACKTEST = "backtest"
    TRAINING = "training"

    def __str__(self) -> str:
        return str(self.value)
