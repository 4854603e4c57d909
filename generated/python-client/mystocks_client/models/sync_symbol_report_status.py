from enum import StrEnum


class SyncSymbolReportStatus(StrEnum):
    FAILED = "failed"
    SYNCED = "synced"
    UP_TO_DATE = "up to date"

    def __str__(self) -> str:
        return str(self.value)
