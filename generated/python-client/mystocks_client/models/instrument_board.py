from enum import StrEnum


class InstrumentBoard(StrEnum):
    BSE = "bse"
    CHINEXT = "chinext"
    INDEX = "index"
    MAIN = "main"
    STAR = "star"
    US = "us"

    def __str__(self) -> str:
        return str(self.value)
