from enum import StrEnum


class InstrumentMarket(StrEnum):
    CN = "CN"
    US = "US"

    def __str__(self) -> str:
        return str(self.value)
