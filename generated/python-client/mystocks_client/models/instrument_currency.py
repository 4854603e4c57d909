from enum import StrEnum


class InstrumentCurrency(StrEnum):
    CNY = "CNY"
    USD = "USD"

    def __str__(self) -> str:
        return str(self.value)
