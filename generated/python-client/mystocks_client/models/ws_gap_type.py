from enum import StrEnum


class WsGapType(StrEnum):
    GAP = "gap"

    def __str__(self) -> str:
        return str(self.value)
