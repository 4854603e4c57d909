from enum import StrEnum


class SyncJobRequestPeriodsItem(StrEnum):
    VALUE_0 = "1d"
    VALUE_1 = "1m"

    def __str__(self) -> str:
        return str(self.value)
