from enum import StrEnum


class InstrumentType(StrEnum):
    INDEX = "index"
    STOCK = "stock"

    def __str__(self) -> str:
        return str(self.value)
