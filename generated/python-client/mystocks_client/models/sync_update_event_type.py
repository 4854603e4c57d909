from enum import StrEnum


class SyncUpdateEventType(StrEnum):
    SYNC_UPDATE = "sync_update"

    def __str__(self) -> str:
        return str(self.value)
