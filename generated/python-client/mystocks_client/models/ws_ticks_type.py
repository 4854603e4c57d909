from enum import StrEnum


class WsTicksType(StrEnum):
    TICKS = "ticks"

    def __str__(self) -> str:
        return str(self.value)
