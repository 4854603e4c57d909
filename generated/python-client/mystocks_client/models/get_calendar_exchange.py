from enum import StrEnum


class GetCalendarExchange(StrEnum):
    XNYS = "XNYS"
    XSHE = "XSHE"
    XSHG = "XSHG"

    def __str__(self) -> str:
        return str(self.value)
