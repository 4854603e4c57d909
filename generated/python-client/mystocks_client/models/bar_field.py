from enum import StrEnum


class BarField(StrEnum):
    AMOUNT = "amount"
    CLOSE = "close"
    HIGH = "high"
    LOW = "low"
    OPEN = "open"
    VOLUME = "volume"

    def __str__(self) -> str:
        return str(self.value)
