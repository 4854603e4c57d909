from enum import StrEnum


class WsSignalType(StrEnum):
    SIGNAL = "signal"

    def __str__(self) -> str:
        return str(self.value)
