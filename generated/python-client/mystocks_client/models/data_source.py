from enum import StrEnum


class DataSource(StrEnum):
    REAL = "real"
    SIMULATED = "simulated"

    def __str__(self) -> str:
        return str(self.value)
