from enum import StrEnum


class WsPingType(StrEnum):
    PING = "ping"

    def __str__(self) -> str:
        return str(self.value)
