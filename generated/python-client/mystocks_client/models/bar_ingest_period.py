from enum import StrEnum


class BarIngestPeriod(StrEnum):
    VALUE_0 = "1m"
    VALUE_1 = "1d"

    def __str__(self) -> str:
        return str(self.value)
