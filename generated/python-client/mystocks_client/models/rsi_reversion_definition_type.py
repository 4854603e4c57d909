from enum import StrEnum


class RsiReversionDefinitionType(StrEnum):
    RSI_REVERSION = "rsi_reversion"

    def __str__(self) -> str:
        return str(self.value)
