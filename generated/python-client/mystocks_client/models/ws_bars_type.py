from enum import StrEnum


class WsBarsType(StrEnum):
    BARS = "bars"

    def __str__(self) -> str:
        return str(self.value)
