from enum import StrEnum


class TrainingObjective(StrEnum):
    ANNUAL_RETURN = "annual_return"
    MAX_DRAWDOWN = "max_drawdown"
    SHARPE = "sharpe"
    SORTINO = "sortino"
    TOTAL_RETURN = "total_return"
    WIN_RATE = "win_rate"

    def __str__(self) -> str:
        return str(self.value)
