from enum import StrEnum


class WsPongType(StrEnum):
    PONG = "pong"

    def __str__(self) -> str:
        return str(self.value)
