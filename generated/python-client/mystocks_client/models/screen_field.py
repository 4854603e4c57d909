from enum import StrEnum


class ScreenField(StrEnum):
    AMOUNT = "amount"
    CHANGE_PCT = "change_pct"
    CLOSE = "close"
    HIGH = "high"
    LOW = "low"
    OPEN = "open"
    VOLUME = "volume"

    def __str__(self) -> str:
        return str(self.value)
