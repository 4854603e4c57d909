from enum import StrEnum


class Adjust(StrEnum):
    HFQ = "hfq"
    NONE = "none"
    QFQ = "qfq"

    def __str__(self) -> str:
        return str(self.value)
