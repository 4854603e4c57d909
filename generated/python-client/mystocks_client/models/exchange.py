from enum import StrEnum


class Exchange(StrEnum):
    BSE = "BSE"
    NASDAQ = "NASDAQ"
    NYSE = "NYSE"
    SSE = "SSE"
    SZSE = "SZSE"

    def __str__(self) -> str:
        return str(self.value)
