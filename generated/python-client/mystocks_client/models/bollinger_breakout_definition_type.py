from enum import StrEnum


class BollingerBreakoutDefinitionType(StrEnum):
    BOLLINGER_BREAKOUT = "bollinger_breakout"

    def __str__(self) -> str:
        return str(self.value)
