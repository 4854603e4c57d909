from enum import StrEnum


class Period(StrEnum):
    VALUE_0 = "1m"
    VALUE_1 = "5m"
    VALUE_2 = "15m"
    VALUE_3 = "30m"
    VALUE_4 = "60m"
    VALUE_5 = "1d"
    VALUE_6 = "1w"
    VALUE_7 = "1M"

    def __str__(self) -> str:
        return str(self.value)
