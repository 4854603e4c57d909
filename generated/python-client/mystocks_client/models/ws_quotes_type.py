from enum import StrEnum


class WsQuotesType(StrEnum):
    QUOTES = "quotes"

    def __str__(self) -> str:
        return str(self.value)
