from enum import StrEnum


class StrategyParameterInfoKind(StrEnum):
    INTEGER = "integer"
    NUMBER = "number"

    def __str__(self) -> str:
        return str(self.value)
