from enum import StrEnum


class BreakoutConditionKind(StrEnum):
    BREAKOUT = "breakout"

    def __str__(self) -> str:
        return str(self.value)
