from enum import StrEnum


class SmaCrossDefinitionType(StrEnum):
    SMA_CROSS = "sma_cross"

    def __str__(self) -> str:
        return str(self.value)
