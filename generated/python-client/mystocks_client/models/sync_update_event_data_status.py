from enum import StrEnum


class SyncUpdateEventDataStatus(StrEnum):
    FAILED = "failed"
    INTERRUPTED = "interrupted"
    PARTIAL = "partial"
    RUNNING = "running"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
