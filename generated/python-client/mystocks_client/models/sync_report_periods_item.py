from enum import StrEnum


class SyncReportPeriodsItem(StrEnum):
    VALUE_0 = "1d"
    VALUE_1 = "1m"

    def __str__(self) -> str:
        return str(self.value)
