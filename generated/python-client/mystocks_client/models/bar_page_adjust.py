from enum import StrEnum


class BarPageAdjust(StrEnum):
    NONE = "none"
    QFQ = "qfq"

    def __str__(self) -> str:
        return str(self.value)
