from enum import StrEnum


class WsTradeType(StrEnum):
    TRADE = "trade"

    def __str__(self) -> str:
        return str(self.value)
